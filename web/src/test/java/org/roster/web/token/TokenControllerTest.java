package org.roster.web.token;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.domain.audit.AuditEvent;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryAdmins;
import org.roster.web.fake.SecurityServices;
import org.slf4j.LoggerFactory;

@MicronautTest
class TokenControllerTest extends ApiTestSupport {
  @Inject SecurityServices.Fixture security;

  @BeforeEach
  void reset() {
    security.reset();
  }

  private Reply issue(String admin, String body) {
    return api().as(admin).post("/api/v1/tokens", body);
  }

  private String token(String admin, String body) {
    Reply issued = issue(admin, body);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    return (String) issued.map().get("token");
  }

  @Test
  void aTokenIsShownOnceAndThenWorksWithItsRoles() {
    Reply issued = issue(InMemoryAdmins.SYS, "{\"name\": \"prometheus\", \"roles\": [\"SYSADMIN\"],"
        + " \"expiresAt\": \"2099-01-01T00:00:00+01:00\"}");

    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
    Map<String, Object> body = issued.map();
    String token = (String) body.get("token");
    assertThat(token).matches("rst_[A-Za-z0-9_-]{43}");
    assertThat(body).containsEntry("name", "prometheus").containsEntry("owner", "sys")
        .containsEntry("roles", List.of("SYSADMIN"))
        .containsEntry("hint", token.substring(0, 8))
        .containsEntry("expiresAt", "2098-12-31T23:00:00Z");

    assertThat(api().withToken(token).get("/metrics").status()).isEqualTo(200);
    assertThat(api().withToken(token).get("/api/v1/admins/me").map())
        .containsEntry("login", "sys").containsEntry("authenticatedWith", "token");
    Reply listed = api().get("/api/v1/tokens");
    assertThat(listed.items()).hasSize(1);
    assertThat(listed.body()).doesNotContain(token);
    assertThat(listed.items().get(0)).containsEntry("lastUsedAt", security.clock.instant()
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    assertThat(security.tokens.hashes()).doesNotContain(token);
  }

  @Test
  void aTokenCarriesOnlyItsRoles() {
    String people = token(InMemoryAdmins.SYS, "{\"name\": \"people only\", \"roles\": [\"PEOPLE_ADMIN\"]}");

    assertThat(api().withToken(people).get("/api/v1/users").status()).isEqualTo(200);
    assertProblem(api().withToken(people).get("/api/v1/profiles"), 403);
    assertProblem(api().withToken(people).get("/api/v1/admins"), 403);
    assertThat(api().withToken(people).get("/api/v1/admins/me").map())
        .containsEntry("roles", List.of("PEOPLE_ADMIN"));
  }

  @Test
  void rolesMustBeTheCallersAndFieldsAreChecked() {
    assertThat(assertBadRequest(issue(InMemoryAdmins.SYNC,
        "{\"name\": \"more\", \"roles\": [\"SYSADMIN\"]}"), "roles")).contains("roles you have");
    assertBadRequest(issue(InMemoryAdmins.SYNC, "{\"roles\": [\"SYNC_ADMIN\"]}"), "name");
    assertBadRequest(issue(InMemoryAdmins.SYNC, "{\"name\": \"x\", \"roles\": [\"GOD\"]}"),
        "roles");
    assertBadRequest(issue(InMemoryAdmins.SYNC, "{\"name\": \"x\", \"expiresAt\": \"tomorrow\"}"),
        "expiresAt");
    assertBadRequest(issue(InMemoryAdmins.SYNC,
        "{\"name\": \"x\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}"), "expiresAt");
    assertBadRequest(issue(InMemoryAdmins.SYNC, "{\"name\": \"x\", \"owner\": \"sys\"}"), "owner");
    assertBadRequest(issue(InMemoryAdmins.SYNC, "{\"name\": [\"x\"]}"), "name");
    assertThat(token(InMemoryAdmins.SYNC, "{\"name\": \"all mine\"}")).startsWith("rst_");
    assertThat(api().as(InMemoryAdmins.SYNC).get("/api/v1/tokens").items().get(0))
        .containsEntry("roles", List.of("SYNC_ADMIN"));
  }

  @Test
  void aTokenCannotMakeTokens() {
    String token = token(InMemoryAdmins.SYS, "{\"name\": \"ci\"}");

    Reply refused = api().withToken(token).post("/api/v1/tokens", "{\"name\": \"child\"}");

    assertThat((String) assertProblem(refused, 403).get("detail")).contains("password");
    assertThat(api().get("/api/v1/tokens").items()).hasSize(1);
  }

  @Test
  void revokedExpiredUnknownAndMalformedTokensAreUnauthorized() {
    String revoked = token(InMemoryAdmins.SYS, "{\"name\": \"revoked\"}");
    String expiring = token(InMemoryAdmins.SYS, "{\"name\": \"expiring\", \"expiresAt\": \""
        + security.clock.instant().plus(Duration.ofMinutes(5)) + "\"}");
    String id = (String) api().get("/api/v1/tokens").items().stream()
        .filter(t -> t.get("name").equals("revoked")).findFirst().orElseThrow().get("id");

    assertThat(api().delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
    security.clock.advance(Duration.ofMinutes(5));

    for (String bad : List.of(revoked, expiring, "rst_" + "x".repeat(43), "not-a-token")) {
      Reply reply = api().withToken(bad).get("/api/v1/runs");
      assertThat((String) assertProblem(reply, 401).get("detail"))
          .isEqualTo("The API token is unknown, expired or revoked");
      assertThat(reply.header("WWW-Authenticate")).isEqualTo(
          "Bearer realm=\"Roster\", error=\"invalid_token\"");
    }
    assertProblem(api().delete("/api/v1/tokens/" + id), 404);
    assertThat(security.stores.audit.all()).extracting(AuditEvent::action)
        .containsSubsequence("token created", "token revoked");
  }

  @Test
  void theTokensOfADeletedAdminStopWorking() {
    String token = token(InMemoryAdmins.PEOPLE, "{\"name\": \"laptop\"}");
    assertThat(api().withToken(token).get("/api/v1/users").status()).isEqualTo(200);

    assertThat(api().delete("/api/v1/admins/people").status()).isEqualTo(204);

    assertProblem(api().withToken(token).get("/api/v1/users"), 401);
  }

  @Test
  void eachAdminSeesTheirOwnTokensASysadminEveryones() {
    token(InMemoryAdmins.SYNC, "{\"name\": \"sync's\"}");
    security.clock.advance(Duration.ofSeconds(1));
    token(InMemoryAdmins.PEOPLE, "{\"name\": \"people's\"}");
    String peoples = (String) api().as(InMemoryAdmins.PEOPLE).get("/api/v1/tokens").items().get(0)
        .get("id");

    assertThat(api().as(InMemoryAdmins.SYNC).get("/api/v1/tokens").items())
        .extracting(t -> t.get("name")).containsExactly("sync's");
    assertThat(api().get("/api/v1/tokens?size=1").map()).containsEntry("total", 2);
    assertThat(api().get("/api/v1/tokens").items()).extracting(t -> t.get("name"))
        .containsExactly("people's", "sync's");
    assertProblem(api().as(InMemoryAdmins.SYNC).delete("/api/v1/tokens/" + peoples), 404);
    assertThat(api().delete("/api/v1/tokens/" + peoples).status()).isEqualTo(204);
    assertBadRequest(api().delete("/api/v1/tokens/not-a-uuid"), "id");
  }

  @Test
  void neitherATokenNorAPasswordReachesTheServersLogsEvenAtTrace() {
    LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.TRACE);
    String token;
    String unknown = "rst_" + "Q".repeat(43);
    try {
      token = token(InMemoryAdmins.SYS, "{\"name\": \"logged?\"}");
      api().withToken(token).get("/api/v1/runs");
      api().withToken(token).get("/api/v1/nowhere");
      api().withToken(unknown).get("/api/v1/runs");
    } finally {
      root.setLevel(before);
      root.detachAppender(captured);
    }

    assertThat(captured.list).isNotEmpty();
    // the test's own HTTP client logs the response that carries the new token; the server never
    assertThat(captured.list)
        .filteredOn(e -> !e.getLoggerName().startsWith("io.micronaut.http.client"))
        .noneSatisfy(e -> assertThat(e.getFormattedMessage())
            .containsAnyOf(token, unknown, token.substring(8), unknown.substring(8),
                "sys-secret", java.util.Base64.getEncoder().encodeToString(
                    "sys:sys-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("Refused an API token: rst_QQQQ..."));
  }
}
