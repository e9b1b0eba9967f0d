package org.roster.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.FakeDirectory;
import org.roster.web.fake.InMemoryAdmins;
import org.roster.web.fake.SecurityServices;

@MicronautTest
class LoginThrottleApiTest extends ApiTestSupport {
  @Inject SecurityServices.Fixture security;
  @Inject FakeDirectory directory;

  @BeforeEach
  void reset() {
    security.reset();
  }

  private static void assertTooManyRequests(Reply reply, long retryAfter) {
    Map<String, Object> problem = assertProblem(reply, 429);
    assertThat(reply.header("Retry-After")).isEqualTo(String.valueOf(retryAfter));
    assertThat((String) problem.get("detail")).contains("Too many failed logins")
        .contains("try again in " + retryAfter + " s");
  }

  @Test
  void fiveWrongPasswordsLockAnAdminOutEvenWithTheRightOne() {
    for (int i = 0; i < 5; i++) {
      assertProblem(api().withPassword(InMemoryAdmins.SYNC, "guess-" + i).get("/api/v1/runs"), 401);
    }

    assertTooManyRequests(api().as(InMemoryAdmins.SYNC).get("/api/v1/runs"), 30);
    security.clock.advance(Duration.ofSeconds(20));
    assertTooManyRequests(api().as(InMemoryAdmins.SYNC).get("/api/v1/runs"), 10);
    assertThat(api().as(InMemoryAdmins.SYS).get("/api/v1/runs").status())
        .as("other admins are not affected").isEqualTo(200);

    security.clock.advance(Duration.ofSeconds(10));
    assertProblem(api().withPassword(InMemoryAdmins.SYNC, "guess-6").get("/api/v1/runs"), 401);
    assertTooManyRequests(api().as(InMemoryAdmins.SYNC).get("/api/v1/runs"), 60);
  }

  @Test
  void aSuccessResetsTheCount() {
    for (int i = 0; i < 4; i++) {
      api().withPassword(InMemoryAdmins.PEOPLE, "guess").get("/api/v1/runs");
    }
    assertThat(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/runs").status()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      api().withPassword(InMemoryAdmins.PEOPLE, "guess").get("/api/v1/runs");
    }

    assertThat(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/runs").status()).isEqualTo(200);
  }

  @Test
  void unknownLoginsAreThrottledTheSameWay() {
    for (int i = 0; i < 5; i++) {
      assertProblem(api().withPassword("ghost", "guess").get("/api/v1/runs"), 401);
    }

    assertTooManyRequests(api().withPassword("ghost", "guess").get("/api/v1/runs"), 30);
  }

  @Test
  void lockoutsAndRefusalsAreAuditedOncePerLockout() {
    for (int i = 0; i < 5; i++) {
      api().withPassword(InMemoryAdmins.SYNC, "guess").get("/api/v1/runs");
    }
    for (int i = 0; i < 20; i++) {
      api().withPassword(InMemoryAdmins.SYNC, "guess").get("/api/v1/runs");
    }

    assertThat(security.stores.audit.all())
        .extracting(AuditEvent::category, AuditEvent::action, AuditEvent::objectName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditCategory.SECURITY, "login locked out", "sync"),
            org.assertj.core.groups.Tuple.tuple(
                AuditCategory.SECURITY, "login refused while locked out", "sync"));
  }

  @Test
  void aTokenHolderGuessingTheCurrentPasswordIsThrottledToo() {
    String token = (String) api().as(InMemoryAdmins.PEOPLE)
        .post("/api/v1/tokens", "{\"name\": \"stolen\"}").map().get("token");
    for (int i = 0; i < 5; i++) {
      assertBadRequest(api().withToken(token).put("/api/v1/admins/me/password",
          "{\"current\": \"guess\", \"new\": \"people-new-password\"}"), "current");
    }

    assertTooManyRequests(api().withToken(token).put("/api/v1/admins/me/password",
        "{\"current\": \"people-secret\", \"new\": \"people-new-password\"}"), 30);
    assertTooManyRequests(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/runs"), 30);
  }

  @Test
  void userLoginsAreThrottledBeforeTheDirectoryIsAsked() {
    String wrong = "{\"login\": \"ann\", \"password\": \"guess\"}";
    for (int i = 0; i < 5; i++) {
      Reply refused = api().post("/api/v1/auth/login", wrong);
      assertThat(refused.status()).isEqualTo(200);
      assertThat(refused.map()).containsEntry("accepted", false);
    }
    int asked = directory.verifications.get();

    assertTooManyRequests(
        api().post("/api/v1/auth/login", "{\"login\": \"ann\", \"password\": \"s3cret\"}"), 30);
    assertThat(directory.verifications.get()).as("the directory was not asked").isEqualTo(asked);
    assertThat(api().post("/api/v1/auth/login", "{\"login\": \"bob\", \"password\": \"x\"}")
        .status()).as("other users go on").isEqualTo(200);
    assertThat(api().as(InMemoryAdmins.SYS).get("/api/v1/runs").status())
        .as("an admin's login is not a user's").isEqualTo(200);

    security.clock.advance(Duration.ofSeconds(30));
    assertThat(api().post("/api/v1/auth/login", "{\"login\": \"ann\", \"password\": \"s3cret\"}")
        .map()).containsEntry("accepted", true);
  }
}
