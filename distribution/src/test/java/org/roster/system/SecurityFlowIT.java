package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;

/**
 * The real server on H2: admin accounts, API tokens and the login throttle through HTTP, with the
 * production wiring (PBKDF2 at full strength, the JDBC stores, the audit log in the database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityFlowIT {
  private RosterServer server;
  private JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private record Reply(int status, HttpResponse<String> response, Map<String, Object> body) {}

  @BeforeAll
  void start(@TempDir Path dataDir) {
    server = RosterServer.start(dataDir, TestDatabase.h2(dataDir),
        Map.of("roster.security.login-throttle.first-lockout", "2s"));
    json = server.bean(JsonMapper.class);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String basic(String login, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String admin() {
    return basic(RosterServer.ADMIN, RosterServer.PASSWORD);
  }

  private Reply send(String method, String path, String authorization, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.url().resolve(path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    Map<String, Object> parsed = r.body().startsWith("{")
        ? json.readValue(r.body(), Argument.mapOf(String.class, Object.class)) : Map.of();
    return new Reply(r.statusCode(), r, parsed);
  }

  @Test
  void adminsTokensAndTheThrottleOnTheRealServer() throws Exception {
    Reply created = send("POST", "/api/v1/admins", admin(), Map.of("login", "scraper-owner",
        "password", "owner-password-1", "roles", List.of("SYNC_ADMIN", "PEOPLE_ADMIN")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String owner = basic("scraper-owner", "owner-password-1");

    Reply issued = send("POST", "/api/v1/tokens", owner,
        Map.of("name", "prometheus", "roles", List.of("PEOPLE_ADMIN")));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    String token = (String) issued.body().get("token");
    Reply metrics = send("GET", "/metrics", "Bearer " + token, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.response().body()).contains("hikaricp_connections");
    assertThat(send("GET", "/api/v1/profiles", "Bearer " + token, null).status()).isEqualTo(403);
    assertThat(send("GET", "/api/v1/tokens", admin(), null).body().get("total")).isEqualTo(1);

    for (int i = 0; i < 5; i++) {
      assertThat(send("GET", "/api/v1/runs", basic("scraper-owner", "guess"), null).status())
          .isEqualTo(401);
    }
    Reply locked = send("GET", "/api/v1/runs", owner, null);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.response().headers().firstValue("Retry-After")).contains("2");
    assertThat(locked.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(send("GET", "/api/v1/runs", "Bearer " + token, null).status())
        .as("a token is not locked out with its owner's password").isEqualTo(200);
    Thread.sleep(2100);
    assertThat(send("GET", "/api/v1/runs", owner, null).status()).isEqualTo(200);

    assertThat(send("DELETE", "/api/v1/admins/scraper-owner", admin(), null).status())
        .isEqualTo(204);
    Reply dead = send("GET", "/metrics", "Bearer " + token, null);
    assertThat(dead.status()).isEqualTo(401);
    assertThat(dead.response().headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token");

    List<String> actions = server.bean(AuditStore.class)
        .search(new AuditQuery(null, null, null, AuditCategory.SECURITY, null),
            PageRequest.first(100))
        .items().stream().map(AuditEvent::action).toList();
    assertThat(actions).contains("admin created", "token created", "login locked out",
        "admin deleted");
    assertThat(server.bean(AuditStore.class)
        .search(new AuditQuery(null, null, null, AuditCategory.SECURITY, null),
            PageRequest.first(100))
        .items().toString()).doesNotContain(token, "owner-password-1");
  }
}
