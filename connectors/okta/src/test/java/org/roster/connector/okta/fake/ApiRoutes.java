package org.roster.connector.okta.fake;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Users and Groups API routes: {@code GET /api/v1/users} ({@code limit, after, search, filter,
 * q}; {@code q} is Okta's unpaged people-picker lookup), {@code /api/v1/users/{idOrLogin}}, {@code
 * /api/v1/users/{id}/groups}, {@code /api/v1/groups} ({@code limit, after, search, filter, q}),
 * {@code /api/v1/groups/{id}} and {@code /api/v1/groups/{id}/users}. Lists are paged with {@code
 * Link} headers ({@code rel="self"}, and {@code rel="next"} carrying an {@code after} cursor while
 * more remain).
 */
final class ApiRoutes {
  /** What the users {@code filter} parameter may name (search may name any property). */
  private static final Set<String> USER_FILTER =
      Set.of(
          "status",
          "lastUpdated",
          "id",
          "profile.login",
          "profile.email",
          "profile.firstName",
          "profile.lastName");

  private static final Set<String> GROUP_FILTER =
      Set.of("id", "type", "lastUpdated", "lastMembershipUpdated");

  private record Item(long seq, Map<String, Object> json) {}

  private final OktaState state;
  private final String baseUrl;

  ApiRoutes(OktaState state, String baseUrl) {
    this.state = state;
    this.baseUrl = baseUrl;
  }

  void handle(HttpExchange ex, String path) {
    String[] parts = path.substring(1).split("/");
    if (!ex.getRequestMethod().equals("GET")) {
      Http.sendError(ex, 405, "E0000022", "The endpoint does not support the provided HTTP method");
      return;
    }
    synchronized (state) {
      try {
        route(ex, path, parts);
      } catch (Search.InvalidSearch e) {
        Http.sendError(ex, 400, "E0000031", "Invalid search criteria: " + e.getMessage());
      }
    }
  }

  private void route(HttpExchange ex, String path, String[] p) {
    if (p.length == 3 && p[2].equals("users")) {
      listUsers(ex, path);
    } else if (p.length == 4 && p[2].equals("users")) {
      OktaState.User u = state.find(p[3]);
      if (u == null) {
        notFound(ex, p[3], "User");
      } else {
        Http.send(ex, 200, state.json(u, baseUrl));
      }
    } else if (p.length == 5 && p[2].equals("users") && p[4].equals("groups")) {
      OktaState.User u = state.find(p[3]);
      if (u == null) {
        notFound(ex, p[3], "User");
      } else {
        Http.send(ex, 200, state.groupsOf(u.id).stream().map(g -> state.json(g, baseUrl)).toList());
      }
    } else if (p.length == 3 && p[2].equals("groups")) {
      listGroups(ex, path);
    } else if (p.length == 4 && p[2].equals("groups")) {
      OktaState.Group g = state.groups.get(p[3]);
      if (g == null) {
        notFound(ex, p[3], "UserGroup");
      } else {
        Http.send(ex, 200, state.json(g, baseUrl));
      }
    } else if (p.length == 5 && p[2].equals("groups") && p[4].equals("users")) {
      OktaState.Group g = state.groups.get(p[3]);
      if (g == null) {
        notFound(ex, p[3], "UserGroup");
        return;
      }
      List<Item> members =
          g.members.stream()
              .map(state.users::get)
              .sorted(Comparator.comparingLong(u -> u.seq))
              .map(u -> new Item(u.seq, state.json(u, baseUrl)))
              .toList();
      page(ex, path, members, 1000, 1000);
    } else {
      Http.sendError(ex, 404, "E0000007", "Not found: Resource not found: " + path + " (Path)");
    }
  }

  private void listUsers(HttpExchange ex, String path) {
    Map<String, String> q = Http.query(ex);
    Predicate<Map<String, Object>> match;
    if (q.containsKey("search")) {
      match = Search.parse(q.get("search"), Set.of());
    } else if (q.containsKey("filter")) {
      match = Search.parse(q.get("filter"), USER_FILTER);
    } else {
      match = u -> !"DEPROVISIONED".equals(u.get("status"));
    }
    boolean lookup = q.containsKey("q");
    if (lookup) {
      // Okta's people-picker lookup: firstName, lastName or email starting with q (never the
      // login), DEPROVISIONED users left out whatever else is asked, 10 users unless limit says
      // otherwise, and no next page.
      String prefix = q.get("q").toLowerCase(Locale.ROOT);
      match =
          match
              .and(u -> !"DEPROVISIONED".equals(u.get("status")))
              .and(u -> startsWith(u, prefix, "firstName", "lastName", "email"));
    }
    Predicate<Map<String, Object>> selected = match;
    List<Item> users =
        state.users.values().stream()
            .map(u -> new Item(u.seq, state.json(u, baseUrl)))
            .filter(i -> selected.test(i.json()))
            .toList();
    if (lookup) {
      firstPageOnly(ex, path, users, 10, 200);
    } else {
      page(ex, path, users, 200, 200);
    }
  }

  private void listGroups(HttpExchange ex, String path) {
    Map<String, String> q = Http.query(ex);
    Predicate<Map<String, Object>> match = g -> true;
    if (q.containsKey("search")) {
      match = Search.parse(q.get("search"), Set.of());
    } else if (q.containsKey("filter")) {
      match = Search.parse(q.get("filter"), GROUP_FILTER);
    }
    if (q.containsKey("q")) {
      String prefix = q.get("q").toLowerCase(Locale.ROOT);
      match = match.and(g -> startsWith(g, prefix, "name"));
    }
    Predicate<Map<String, Object>> selected = match;
    List<Item> groups =
        state.groups.values().stream()
            .map(g -> new Item(g.seq, state.json(g, baseUrl)))
            .filter(i -> selected.test(i.json()))
            .toList();
    page(ex, path, groups, 200, 10_000);
  }

  @SuppressWarnings("unchecked")
  private static boolean startsWith(Map<String, Object> entity, String prefix, String... props) {
    Map<String, Object> profile = (Map<String, Object>) entity.get("profile");
    for (String p : props) {
      Object v = profile.get(p);
      if (v != null && v.toString().toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The first {@code limit} items and no {@code rel="next"}: a listing without pagination. */
  private void firstPageOnly(
      HttpExchange ex, String path, List<Item> items, int defaultLimit, int max) {
    Map<String, String> q = Http.query(ex);
    int limit;
    try {
      limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : defaultLimit;
    } catch (NumberFormatException e) {
      Http.sendError(ex, 400, "E0000001", "Api validation failed: limit");
      return;
    }
    List<Item> page = items.subList(0, Math.max(0, Math.min(Math.min(limit, max), items.size())));
    ex.getResponseHeaders().add("Link", "<" + url(path, q, null) + ">; rel=\"self\"");
    Http.send(ex, 200, page.stream().map(Item::json).toList());
  }

  private void page(HttpExchange ex, String path, List<Item> items, int defaultLimit, int max) {
    Map<String, String> q = Http.query(ex);
    int limit;
    long after;
    try {
      limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : defaultLimit;
      after = q.containsKey("after") ? Long.parseLong(q.get("after").substring(1)) : 0L;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      Http.sendError(ex, 400, "E0000001", "Api validation failed: limit or after");
      return;
    }
    if (limit < 1) {
      Http.sendError(ex, 400, "E0000001", "Api validation failed: limit");
      return;
    }
    limit = Math.min(limit, max);
    List<Item> rest = items.stream().filter(i -> i.seq() > after).toList();
    List<Item> page = rest.subList(0, Math.min(limit, rest.size()));
    ex.getResponseHeaders().add("Link", "<" + url(path, q, null) + ">; rel=\"self\"");
    if (rest.size() > page.size()) {
      String cursor = "c" + page.get(page.size() - 1).seq();
      ex.getResponseHeaders().add("Link", "<" + url(path, q, cursor) + ">; rel=\"next\"");
    }
    Http.send(ex, 200, page.stream().map(Item::json).toList());
  }

  private String url(String path, Map<String, String> query, String after) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.remove("after");
    if (after != null) {
      q.put("after", after);
    }
    String encoded =
        q.entrySet().stream()
            .map(e -> e.getKey() + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return baseUrl + path + (encoded.isEmpty() ? "" : "?" + encoded);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void notFound(HttpExchange ex, String id, String type) {
    Http.sendError(ex, 404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")");
  }
}
