package org.roster.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.domain.identity.AdminRole;
import org.roster.domain.sync.SyncPolicy;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryAdmins;
import org.roster.web.fake.InMemoryProfiles;
import org.roster.web.fake.InMemoryRuns;

@MicronautTest
class SecurityTest extends ApiTestSupport {
  private static final String CSV =
      "{\"name\": \"HR file\", \"type\": \"csv\", \"settings\": {\"folder\": \"/srv/drop\"}}";

  @Inject InMemoryProfiles profiles;
  @Inject InMemoryRuns runs;

  @BeforeEach
  void clear() {
    profiles.clear();
    runs.clear();
  }

  private UUID aProfile() {
    return profiles
        .create(
            new SaveProfileCommand(
                "HR file", "csv", Map.of("folder", "/srv"), SyncPolicy.defaults(false), true),
            "test")
        .id();
  }

  private static void assertChallenge(Reply reply) {
    assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=\"Roster\"");
  }

  @Test
  void withoutCredentialsTheApiAsksForThem() {
    assertChallenge(api().anonymous().get("/api/v1/profiles"));
    assertChallenge(api().anonymous().get("/api/v1/audit?format=csv"));
    assertChallenge(api().anonymous().post("/api/v1/profiles", CSV));
    assertThat(profiles.list()).isEmpty();
  }

  @Test
  void aWrongPasswordOrAnUnknownLoginIsUnauthorized() {
    assertChallenge(api().withPassword(InMemoryAdmins.SYS, "guess").get("/api/v1/profiles"));
    assertChallenge(api().withPassword("mallory", "sys-secret").get("/api/v1/users"));
  }

  @Test
  void aPeopleAdminMayNotCreateProfiles() {
    Reply refused = api().as(InMemoryAdmins.PEOPLE).post("/api/v1/profiles", CSV);

    Map<String, Object> problem = assertProblem(refused, 403);
    assertThat(refused.header("WWW-Authenticate")).isNull();
    assertThat((String) problem.get("detail")).contains("POST /api/v1/profiles");
    assertThat(profiles.list()).isEmpty();
  }

  @Test
  void aSyncAdminMayNotReadTheAuditLogOrUsers() {
    assertProblem(api().as(InMemoryAdmins.SYNC).get("/api/v1/audit"), 403);
    assertProblem(api().as(InMemoryAdmins.SYNC).get("/api/v1/audit?format=csv"), 403);
    assertProblem(api().as(InMemoryAdmins.SYNC).get("/api/v1/users"), 403);
  }

  @Test
  void aPeopleAdminMayFollowRunsButNotConfirmOrCancelThem() {
    UUID profile = aProfile();
    Reply run = api().as(InMemoryAdmins.PEOPLE).post("/api/v1/profiles/" + profile + "/runs", null);
    String location = run.header("Location");

    assertThat(api().as(InMemoryAdmins.PEOPLE).get(location).status()).isEqualTo(200);
    assertThat(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/runs").status()).isEqualTo(200);
    assertThat(api().as(InMemoryAdmins.PEOPLE).get(location + "/report").status()).isEqualTo(200);
    assertProblem(
        api()
            .as(InMemoryAdmins.PEOPLE)
            .post("/api/v1/runs/" + UUID.randomUUID() + "/confirm", null),
        403);
    assertProblem(
        api().as(InMemoryAdmins.PEOPLE).post("/api/v1/runs/" + UUID.randomUUID() + "/cancel", null),
        403);
  }

  @Test
  void aSyncAdminManagesProfilesAndRuns() {
    Reply created = api().as(InMemoryAdmins.SYNC).post("/api/v1/profiles", CSV);
    String id = (String) created.map().get("id");

    assertThat(created.status()).isEqualTo(201);
    assertThat(profiles.lastActor(UUID.fromString(id))).isEqualTo("admin:sync");
    assertThat(
            api().as(InMemoryAdmins.SYNC).post("/api/v1/profiles/" + id + "/runs", null).status())
        .isEqualTo(202);
    assertThat(api().as(InMemoryAdmins.SYNC).get("/api/v1/runs").status()).isEqualTo(200);
  }

  @Test
  void aPeopleAdminMayRunAProfileNowAndReadUsersAndAudit() {
    UUID profile = aProfile();

    Reply run = api().as(InMemoryAdmins.PEOPLE).post("/api/v1/profiles/" + profile + "/runs", null);

    assertThat(run.status()).isEqualTo(202);
    assertThat(run.map()).containsEntry("requestedBy", "admin:people");
    assertThat(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/users").status()).isEqualTo(200);
    assertThat(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/audit").status()).isEqualTo(200);
    assertThat(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/audit?format=csv").status())
        .isEqualTo(200);
  }

  @Test
  void healthIsOpenToAnonymousCallers() {
    Reply health = api().anonymous().get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.map()).containsEntry("status", "UP");
  }

  @Test
  void theRoleNamesAreTheAdminRoles() {
    assertThat(new String[] {ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
        .containsExactlyInAnyOrder(
            Arrays.stream(AdminRole.values()).map(Enum::name).toArray(String[]::new));
  }
}
