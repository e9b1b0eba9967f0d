package org.roster.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.AdminCaller;
import org.roster.application.port.in.ApiTokensUseCase;
import org.roster.application.port.in.IssueTokenCommand;
import org.roster.domain.identity.AdminRole;
import org.roster.web.ApiClient;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryAdmins;
import org.roster.web.fake.SecurityServices;

/**
 * Every route of the server against every role: no credentials → 401; an admin whose role the
 * route allows → anything but 401/403 (with a password, and with an API token of that role); any
 * other role → 403. The routes come from Micronaut's router, so a route without a row here fails
 * the test: add the row (and the README's table) when you add an endpoint.
 */
@MicronautTest
class RoleMatrixTest extends ApiTestSupport {
  /**
   * Method, path template, who may call it: ALL (any admin role), PUBLIC, or the roles S(YSADMIN),
   * (S)Y(NC_ADMIN), P(EOPLE_ADMIN); "password-only": a request with an API token gets 403 whatever
   * its roles. Each GET row covers the route's HEAD too.
   */
  private static final String MATRIX = """
      GET     /health                                   PUBLIC
      GET     /health/{selector}                        PUBLIC
      GET     /metrics                                  ALL
      GET     /api/v1/profiles                          S Y
      POST    /api/v1/profiles                          S Y
      GET     /api/v1/profiles/{id}                     S Y
      PUT     /api/v1/profiles/{id}                     S Y
      DELETE  /api/v1/profiles/{id}                     S Y
      POST    /api/v1/profiles/{id}/test                S Y
      GET     /api/v1/profiles/{profileId}/directory    ALL
      POST    /api/v1/profiles/{profileId}/runs         ALL
      POST    /api/v1/profiles/{profileId}/imports      S Y
      GET     /api/v1/runs                              ALL
      GET     /api/v1/runs/{id}                         ALL
      GET     /api/v1/runs/{id}/report                  ALL
      POST    /api/v1/runs/{id}/confirm                 S Y
      POST    /api/v1/runs/{id}/cancel                  S Y
      GET     /api/v1/users                             S P
      GET     /api/v1/users/{id}                        S P
      POST    /api/v1/users                             S P
      PUT     /api/v1/users/{id}/password               S P
      PUT     /api/v1/users/{id}/protected              S P
      POST    /api/v1/users/{id}/activate               S P
      POST    /api/v1/users/{id}/deactivate             S P
      POST    /api/v1/users/{id}/link                   S P
      GET     /api/v1/groups                            ALL
      GET     /api/v1/groups/{id}                       ALL
      GET     /api/v1/roles                             ALL
      POST    /api/v1/roles                             S Y
      GET     /api/v1/roles/{id}                        ALL
      PUT     /api/v1/roles/{id}                        S Y
      DELETE  /api/v1/roles/{id}                        S Y
      PUT     /api/v1/roles/{id}/binding                S Y
      GET     /api/v1/exclusions                        S Y
      POST    /api/v1/exclusions                        S Y
      GET     /api/v1/exclusions/{objectType}/{objectId}  S Y
      DELETE  /api/v1/exclusions/{objectType}/{objectId}  S Y
      GET     /api/v1/licences                          S P
      PUT     /api/v1/licences/limit                    S
      GET     /api/v1/licences/blocked                  S P
      POST    /api/v1/licences/release                  S P
      GET     /api/v1/audit                             S P
      POST    /api/v1/auth/login                        ALL
      GET     /api/v1/admins                            S
      POST    /api/v1/admins                            S
      GET     /api/v1/admins/me                         ALL
      PUT     /api/v1/admins/me/password                ALL
      GET     /api/v1/admins/{login}                    S
      PUT     /api/v1/admins/{login}                    S
      DELETE  /api/v1/admins/{login}                    S
      GET     /api/v1/tokens                            ALL
      POST    /api/v1/tokens                            ALL password-only
      DELETE  /api/v1/tokens/{id}                       ALL
      """;
  private static final Map<String, AdminRole> LETTERS = Map.of(
      "S", AdminRole.SYSADMIN, "Y", AdminRole.SYNC_ADMIN, "P", AdminRole.PEOPLE_ADMIN);
  private static final Map<AdminRole, String> ADMINS = Map.of(
      AdminRole.SYSADMIN, InMemoryAdmins.SYS,
      AdminRole.SYNC_ADMIN, InMemoryAdmins.SYNC,
      AdminRole.PEOPLE_ADMIN, InMemoryAdmins.PEOPLE);

  /** One row: a route and the roles allowed (empty for a public route). */
  private record Row(String method, String path, Set<AdminRole> allowed, boolean open,
      boolean passwordOnly) {
    String key() {
      return method + " " + path;
    }
  }

  @Inject Router router;
  @Inject SecurityServices.Fixture security;
  @Inject ApiTokensUseCase tokens;

  @BeforeEach
  void reset() {
    security.reset();
  }

  private static Map<String, Row> matrix() {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] cells = line.strip().split("\\s+");
      List<String> who = new ArrayList<>(List.of(cells).subList(2, cells.length));
      boolean passwordOnly = who.remove("password-only");
      boolean open = who.equals(List.of("PUBLIC"));
      Set<AdminRole> allowed = open ? Set.of()
          : who.equals(List.of("ALL")) ? Set.of(AdminRole.values())
          : who.stream().map(LETTERS::get).collect(Collectors.toSet());
      Row row = new Row(cells[0], cells[1], allowed, open, passwordOnly);
      assertThat(rows.put(row.key(), row)).as("row listed twice: " + row.key()).isNull();
    }
    return rows;
  }

  /** Every route but the HEAD that Micronaut adds beside each GET. */
  private Set<String> routes() {
    Set<String> all = router.uriRoutes()
        .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
        .collect(Collectors.toCollection(TreeSet::new));
    all.removeIf(r -> r.startsWith("HEAD ") && all.contains("GET " + r.substring(5)));
    return all;
  }

  @Test
  void everyRouteOfTheServerHasARowAndEveryRowARoute() {
    Set<String> routes = routes();
    Set<String> rows = new TreeSet<>(matrix().keySet());

    Set<String> withoutRow = new TreeSet<>(routes);
    withoutRow.removeAll(rows);
    Set<String> withoutRoute = new TreeSet<>(rows);
    withoutRoute.removeAll(routes);
    assertThat(withoutRow).as("routes without a row in RoleMatrixTest.MATRIX (and the README)")
        .isEmpty();
    assertThat(withoutRoute).as("rows of RoleMatrixTest.MATRIX that are no route").isEmpty();
  }

  @Test
  void everyRouteAnswersEachCallerAsTheMatrixSays() {
    Map<AdminRole, String> tokenOf = new EnumMap<>(AdminRole.class);
    for (AdminRole role : AdminRole.values()) {
      tokenOf.put(role, tokens.issue(new IssueTokenCommand("matrix", Set.of(role), null),
          new AdminCaller(ADMINS.get(role), Set.of(role), false)).secret());
    }
    List<String> wrong = new ArrayList<>();
    List<Row> rows = new ArrayList<>(matrix().values());
    matrix().values().stream().filter(r -> r.method().equals("GET"))
        .map(r -> new Row("HEAD", r.path(), r.allowed(), r.open(), r.passwordOnly()))
        .forEach(rows::add);
    for (Row row : rows) {
      expectAnonymous(wrong, row, api().anonymous());
      for (AdminRole role : AdminRole.values()) {
        boolean allowed = row.open() || row.allowed().contains(role);
        expectRole(wrong, row, role + " (password)", api().as(ADMINS.get(role)), allowed);
        expectRole(wrong, row, role + " (token)", api().withToken(tokenOf.get(role)),
            allowed && !row.passwordOnly());
      }
    }
    assertThat(wrong).as("answers that break the matrix").isEmpty();
  }

  private void expectRole(List<String> wrong, Row row, String who, ApiClient client,
      boolean allowed) {
    Reply reply = call(client, row);
    boolean refused = reply.status() == 401 || reply.status() == 403;
    if (allowed ? refused || reply.status() >= 500 : reply.status() != 403) {
      wrong.add(row.key() + " as " + who + ": " + reply.status() + " "
          + (allowed ? "(allowed)" : "(expected 403)"));
    }
    if (!allowed && reply.status() == 403 && !row.method().equals("HEAD")) {
      assertProblem(reply, 403);
    }
  }

  /** A public route answers anyone (not 401/403, not 5xx); any other asks for credentials. */
  private void expectAnonymous(List<String> wrong, Row row, ApiClient client) {
    Reply reply = call(client, row);
    boolean ok = row.open()
        ? reply.status() != 401 && reply.status() != 403 && reply.status() < 500
        : reply.status() == 401;
    if (!ok) {
      wrong.add(row.key() + " anonymously: " + reply.status());
    }
    if (reply.status() == 401 && !row.method().equals("HEAD")) {
      assertProblem(reply, 401);
      assertThat(reply.header("WWW-Authenticate")).isNotBlank();
    }
  }

  /** The route with a fresh id in each variable and, for POST and PUT, an empty JSON object. */
  private static Reply call(ApiClient client, Row row) {
    String path = row.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    HttpMethod method = HttpMethod.valueOf(row.method());
    MutableHttpRequest<Object> request = HttpRequest.create(method, path);
    if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      request.body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    return client.send(request);
  }
}
