package org.roster.connector.azure.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Microsoft Graph v1.0: {@code /users}, {@code /groups}, an object by id, {@code
 * /members}, {@code /transitiveMembers}, {@code /memberOf}, {@code /transitiveMemberOf} (with or
 * without an OData cast), and {@code /users/delta}, {@code /groups/delta}. It checks the bearer
 * token and the app's permissions, honours {@code $select} (refusing unknown properties), {@code
 * $top} (at most 999), {@code $filter} (refusing operators a user property serves only in advanced
 * queries, {@link FilterSupport}) and the page size, refuses {@code $search} without {@code
 * ConsistencyLevel: eventual}, and answers errors as Graph does.
 */
final class GraphHandler implements HttpHandler {
  private static final String BASE = "/v1.0";
  private static final Pattern OBJECT = Pattern.compile("/(users|groups)/([^/]+)");
  private static final Pattern RELATION =
      Pattern.compile(
          "/(users|groups)/([^/]+)/(members|transitiveMembers|memberOf|transitiveMemberOf)"
              + "(/microsoft\\.graph\\.(user|group))?");
  private static final List<String> USER_DEFAULT_SELECT =
      List.of(
          "businessPhones",
          "displayName",
          "givenName",
          "jobTitle",
          "mail",
          "mobilePhone",
          "officeLocation",
          "preferredLanguage",
          "surname",
          "userPrincipalName");
  private static final Set<String> USER_PROPERTIES =
      Set.of(
          "id",
          "accountEnabled",
          "userPrincipalName",
          "mail",
          "givenName",
          "surname",
          "displayName",
          "jobTitle",
          "department",
          "companyName",
          "businessPhones",
          "mobilePhone",
          "officeLocation",
          "preferredLanguage",
          "onPremisesSamAccountName",
          "employeeId",
          "otherMails",
          "proxyAddresses",
          "onPremisesExtensionAttributes",
          "userType",
          "city",
          "country");
  private static final Set<String> GROUP_PROPERTIES =
      Set.of(
          "id",
          "displayName",
          "description",
          "securityEnabled",
          "mailEnabled",
          "mail",
          "mailNickname",
          "groupTypes",
          "onPremisesSamAccountName",
          "isAssignableToRole",
          "visibility");

  private final FakeEntra entra;

  GraphHandler(FakeEntra entra) {
    this.entra = entra;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
      entra.logRequest(exchange.getRequestMethod() + " " + path + query(params));
      if (entra.fault(exchange, path)) {
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        error(exchange, 405, "Request_BadRequest", "Only GET is served here.");
      } else if (authorized(exchange) && consistent(exchange, params)) {
        String resource = path.startsWith(BASE) ? path.substring(BASE.length()) : path;
        if (permitted(exchange, resource)) {
          route(exchange, resource, params);
        }
      }
    } catch (ODataEval.Unsupported e) {
      error(exchange, 400, "Request_UnsupportedQuery", e.graphMessage());
    } catch (BadRequest e) {
      error(exchange, 400, e.code, e.getMessage());
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange, String resource, Map<String, String> params)
      throws IOException {
    FakeDirectory directory = entra.directory();
    switch (resource) {
      case "/users" -> list(exchange, resource, params, FakeDirectory.USER);
      case "/groups" -> list(exchange, resource, params, FakeDirectory.GROUP);
      case "/users/delta" -> delta(exchange, resource, params, FakeDirectory.USER);
      case "/groups/delta" -> delta(exchange, resource, params, FakeDirectory.GROUP);
      default -> {
        Matcher relation = RELATION.matcher(resource);
        Matcher object = OBJECT.matcher(resource);
        if (relation.matches()) {
          relation(exchange, resource, params, relation);
        } else if (object.matches()) {
          String type = type(object.group(1));
          Optional<Map<String, Object>> found = directory.object(type, object.group(2));
          if (found.isEmpty()) {
            notFound(exchange, object.group(2));
          } else {
            Set<String> select = select(params, type);
            send(exchange, 200, entity(found.get(), defaults(select, type)));
          }
        } else {
          error(
              exchange,
              400,
              "BadRequest",
              "Resource not found for the segment '" + resource.substring(1) + "'.");
        }
      }
    }
  }

  private void list(HttpExchange exchange, String resource, Map<String, String> params, String type)
      throws IOException {
    Set<String> select = defaults(select(params, type), type);
    boolean advanced = advanced(exchange, params);
    Predicate<Map<String, Object>> filter =
        params.containsKey("$filter")
            ? ODataEval.parse(
                params.get("$filter"),
                (property, operator) -> {
                  checkProperty(property, type);
                  if (type.equals(FakeDirectory.USER)) {
                    FilterSupport.checkUser(property, operator, advanced);
                  }
                })
            : o -> true;
    List<ObjectNode> items =
        entra.directory().objects(type).values().stream()
            .filter(filter)
            .map(p -> entity(p, select))
            .toList();
    page(exchange, resource, params, items);
  }

  private void relation(
      HttpExchange exchange, String resource, Map<String, String> params, Matcher m)
      throws IOException {
    FakeDirectory directory = entra.directory();
    String id = m.group(2);
    String relation = m.group(3);
    boolean transitive = relation.startsWith("transitive");
    List<String> ids =
        relation.endsWith("Of")
            ? directory.memberOf(id, transitive)
            : m.group(1).equals("groups") ? directory.membersOf(id, transitive) : null;
    if (ids == null) {
      notFound(exchange, id);
      return;
    }
    String cast = m.group(5) == null ? null : type(m.group(5) + "s");
    Set<String> select = select(params, null);
    List<ObjectNode> items =
        ids.stream()
            .filter(member -> cast == null || cast.equals(directory.typeOf(member)))
            .map(
                member -> {
                  ObjectNode node =
                      entity(
                          directory.object(directory.typeOf(member), member).orElseThrow(),
                          select.isEmpty() ? Set.of("id") : select);
                  ObjectNode typed =
                      DeltaFeed.JSON
                          .createObjectNode()
                          .put("@odata.type", directory.typeOf(member));
                  typed.setAll(node);
                  return typed;
                })
            .toList();
    page(exchange, resource, params, items);
  }

  private void delta(
      HttpExchange exchange, String resource, Map<String, String> params, String type)
      throws IOException {
    FakeDirectory directory = entra.directory();
    Cursor cursor;
    if (params.containsKey("$skiptoken")) {
      cursor = Cursor.decode(params.get("$skiptoken"));
    } else if (params.containsKey("$deltatoken")) {
      String token = params.get("$deltatoken");
      long now = directory.sequence();
      if (token.equals("latest")) {
        Set<String> select = deltaSelect(params, type);
        ObjectNode body = collection(resource, List.of(), null);
        body.put(
            "@odata.deltaLink",
            link(
                resource,
                "$deltatoken",
                new Cursor(entra.deltaGeneration(), now, now, 0, select).encode()));
        send(exchange, 200, body);
        return;
      }
      Cursor saved = Cursor.decode(token);
      cursor = new Cursor(saved.generation, saved.to, now, 0, saved.select);
    } else {
      cursor =
          new Cursor(
              entra.deltaGeneration(), -1, directory.sequence(), 0, deltaSelect(params, type));
    }
    if (cursor.generation != entra.deltaGeneration()) {
      error(
          exchange,
          entra.expiredDeltaStatus(),
          "syncStateNotFound",
          "The sync state generation is not found. The delta token is expired and data must be"
              + " synchronized again.");
      return;
    }
    List<ObjectNode> changes =
        DeltaFeed.changes(directory, type, cursor.from, cursor.to, cursor.select);
    int size = entra.pageSize();
    int end = Math.min(changes.size(), cursor.offset + size);
    String next =
        end < changes.size()
            ? link(
                resource,
                "$skiptoken",
                new Cursor(cursor.generation, cursor.from, cursor.to, end, cursor.select).encode())
            : null;
    ObjectNode body =
        collection(resource, changes.subList(Math.min(cursor.offset, end), end), next);
    if (next == null) {
      body.put(
          "@odata.deltaLink",
          link(
              resource,
              "$deltatoken",
              new Cursor(cursor.generation, cursor.to, cursor.to, 0, cursor.select).encode()));
    }
    send(exchange, 200, body);
  }

  private Set<String> deltaSelect(Map<String, String> params, String type) {
    Set<String> select = new LinkedHashSet<>();
    if (params.containsKey("$select")) {
      for (String s : params.get("$select").split(",")) {
        String p = s.strip();
        if (!(type.equals(FakeDirectory.GROUP) && p.equals("members"))) {
          checkProperty(p, type);
        }
        select.add(p);
      }
    }
    return select;
  }

  /** A delta position: changes after {@code from} up to {@code to}, from {@code offset} on. */
  private record Cursor(int generation, long from, long to, int offset, Set<String> select) {
    String encode() {
      String text =
          generation + "|" + from + "|" + to + "|" + offset + "|" + String.join(",", select);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                .split("\\|", -1);
        Set<String> select = new LinkedHashSet<>();
        if (!parts[4].isEmpty()) {
          select.addAll(Arrays.asList(parts[4].split(",")));
        }
        return new Cursor(
            Integer.parseInt(parts[0]),
            Long.parseLong(parts[1]),
            Long.parseLong(parts[2]),
            Integer.parseInt(parts[3]),
            select);
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        throw new BadRequest("Request_BadRequest", "Invalid delta or skip token.");
      }
    }
  }

  private void page(
      HttpExchange exchange, String resource, Map<String, String> params, List<ObjectNode> items)
      throws IOException {
    int top = 100;
    if (params.containsKey("$top")) {
      try {
        top = Integer.parseInt(params.get("$top"));
      } catch (NumberFormatException e) {
        top = -1;
      }
      if (top < 1 || top > 999) {
        throw new BadRequest(
            "Request_BadRequest",
            "Invalid page size specified: '"
                + params.get("$top")
                + "'. Must be between 1 and 999 inclusive.");
      }
    }
    int size = Math.min(top, entra.pageSize());
    int offset = params.containsKey("$skiptoken") ? skip(params.get("$skiptoken")) : 0;
    int end = Math.min(items.size(), offset + size);
    String next = null;
    if (end < items.size()) {
      Map<String, String> nextParams = new LinkedHashMap<>(params);
      nextParams.put(
          "$skiptoken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
      next = entra.graphUrl() + resource + encoded(nextParams);
    }
    send(exchange, 200, collection(resource, items.subList(Math.min(offset, end), end), next));
  }

  private static int skip(String token) {
    try {
      return Integer.parseInt(
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("Request_BadRequest", "Invalid skip token.");
    }
  }

  private ObjectNode collection(String resource, List<ObjectNode> items, String nextLink) {
    ObjectNode body = DeltaFeed.JSON.createObjectNode();
    body.put("@odata.context", entra.graphUrl() + "/$metadata#" + resource.substring(1));
    if (nextLink != null) {
      body.put("@odata.nextLink", nextLink);
    }
    ArrayNode value = body.putArray("value");
    items.forEach(value::add);
    return body;
  }

  private String link(String resource, String name, String token) {
    return entra.graphUrl() + resource + "?" + name + "=" + token;
  }

  private boolean authorized(HttpExchange exchange) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String message = null;
    if (header == null || !header.startsWith("Bearer ") || header.length() == 7) {
      message = "Access token is empty.";
    } else {
      FakeEntra.TokenState state = entra.tokenState(header.substring(7));
      if (state == FakeEntra.TokenState.EXPIRED) {
        message = "Lifetime validation failed, the token is expired.";
      } else if (state == FakeEntra.TokenState.UNKNOWN) {
        message = "Invalid JWT token. The token is not in a valid format.";
      }
    }
    if (message == null) {
      return true;
    }
    exchange
        .getResponseHeaders()
        .add(
            "WWW-Authenticate",
            "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common"
                + "/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    error(exchange, 401, "InvalidAuthenticationToken", message);
    return false;
  }

  /** True for an advanced query: {@code ConsistencyLevel: eventual} and {@code $count=true}. */
  private static boolean advanced(HttpExchange exchange, Map<String, String> params) {
    return "eventual".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("ConsistencyLevel"))
        && "true".equalsIgnoreCase(params.get("$count"));
  }

  /**
   * Refuses {@code $search} as Graph does on directory objects without {@code ConsistencyLevel:
   * eventual}; with it, the fake does not serve {@code $search} at all (no test needs it).
   */
  private static boolean consistent(HttpExchange exchange, Map<String, String> params)
      throws IOException {
    if (!params.containsKey("$search")) {
      return true;
    }
    if (!"eventual".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("ConsistencyLevel"))) {
      error(
          exchange,
          400,
          "Request_UnsupportedQuery",
          "Request with $search query parameter only works through MSGraph with a special request"
              + " header: 'ConsistencyLevel: eventual'");
    } else {
      error(exchange, 400, "Request_UnsupportedQuery", "The fake Graph does not serve $search.");
    }
    return false;
  }

  private boolean permitted(HttpExchange exchange, String resource) throws IOException {
    boolean groups =
        resource.startsWith("/groups")
            || resource.contains("memberOf")
            || resource.contains("MemberOf");
    Set<String> enough =
        groups
            ? Set.of("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All")
            : Set.of("User.Read.All", "Directory.Read.All");
    if (entra.granted().stream().anyMatch(enough::contains)) {
      return true;
    }
    error(
        exchange,
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.");
    return false;
  }

  private Set<String> select(Map<String, String> params, String type) {
    Set<String> select = new LinkedHashSet<>();
    if (params.containsKey("$select")) {
      for (String s : params.get("$select").split(",")) {
        checkProperty(s.strip(), type);
        select.add(s.strip());
      }
    }
    return select;
  }

  private void checkProperty(String property, String type) {
    boolean user = FakeDirectory.USER.equals(type);
    Set<String> known =
        type == null
            ? Set.of("id", "displayName", "userPrincipalName", "mail")
            : user ? USER_PROPERTIES : GROUP_PROPERTIES;
    boolean onSomeObject =
        type != null
            && entra.directory().objects(type).values().stream()
                .anyMatch(p -> p.containsKey(property));
    if (!known.contains(property) && !onSomeObject) {
      throw new BadRequest(
          "Request_BadRequest",
          "Could not find a property named '"
              + property
              + "' on type 'microsoft.graph."
              + (user ? "user" : type == null ? "directoryObject" : "group")
              + "'.");
    }
  }

  private static Set<String> defaults(Set<String> select, String type) {
    if (!select.isEmpty() || type.equals(FakeDirectory.GROUP)) {
      return select;
    }
    Set<String> d = new LinkedHashSet<>(USER_DEFAULT_SELECT);
    d.add("id");
    return d;
  }

  /** An object with its selected properties (null when unset), or all when none are selected. */
  static ObjectNode entity(Map<String, Object> properties, Set<String> select) {
    ObjectNode node = DeltaFeed.JSON.createObjectNode();
    node.put("id", String.valueOf(properties.get("id")));
    if (select.isEmpty()) {
      properties.forEach((k, v) -> node.set(k, DeltaFeed.JSON.valueToTree(v)));
      return node;
    }
    for (String property : select) {
      if (!property.equals("id") && !property.equals("members")) {
        node.set(property, DeltaFeed.JSON.valueToTree(properties.get(property)));
      }
    }
    return node;
  }

  private static String type(String collection) {
    return collection.equals("users") ? FakeDirectory.USER : FakeDirectory.GROUP;
  }

  private static void notFound(HttpExchange exchange, String id) throws IOException {
    error(
        exchange,
        404,
        "Request_ResourceNotFound",
        "Resource '"
            + id
            + "' does not exist or one of its queried reference-property objects are not present.");
  }

  /** Answers Graph's error JSON. */
  static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    ObjectNode body = DeltaFeed.JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code).put("message", message);
    error
        .putObject("innerError")
        .put("date", Instant.now().toString())
        .put("request-id", UUID.randomUUID().toString());
    send(exchange, status, body);
  }

  static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = DeltaFeed.JSON.writeValueAsBytes(body);
    exchange
        .getResponseHeaders()
        .add(
            "Content-Type",
            "application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8");
    exchange.getResponseHeaders().add("request-id", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  private static String query(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach(
        (k, v) -> out.append(out.length() == 0 ? '?' : '&').append(k).append('=').append(v));
    return out.toString();
  }

  private static String encoded(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach(
        (k, v) ->
            out.append(out.length() == 0 ? '?' : '&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return out.toString();
  }

  /** A request Graph would refuse with 400. */
  private static final class BadRequest extends RuntimeException {
    private final String code;

    BadRequest(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
