package org.roster.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryAdmins;
import org.roster.web.fake.SecurityServices;

@MicronautTest
class AdminControllerTest extends ApiTestSupport {
  private static final String OPS =
      "{\"login\": \"ops\", \"password\": \"ops-password-12\", \"roles\": [\"SYNC_ADMIN\", \"PEOPLE_ADMIN\"]}";

  @Inject SecurityServices.Fixture security;

  @BeforeEach
  void reset() {
    security.reset();
  }

  private List<AuditEvent> audit() {
    return security.stores.audit.all();
  }

  @Test
  void aSysadminCreatesAnAdminWhoCanThenLogIn() {
    Reply created = api().post("/api/v1/admins", OPS);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/admins/ops");
    assertThat(created.map())
        .isEqualTo(Map.of("login", "ops", "roles", List.of("PEOPLE_ADMIN", "SYNC_ADMIN")));
    assertThat(created.body()).doesNotContain("password", "pbkdf2");
    Reply me = api().withPassword("ops", "ops-password-12").get("/api/v1/admins/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.map()).containsEntry("login", "ops")
        .containsEntry("authenticatedWith", "password");
    AuditEvent event = audit().get(audit().size() - 1);
    assertThat(event.category()).isEqualTo(AuditCategory.SECURITY);
    assertThat(event.action()).isEqualTo("admin created");
    assertThat(event.actor()).isEqualTo("admin:sys");
  }

  @Test
  void badRequestsNameTheirField() {
    assertThat(assertBadRequest(api().post("/api/v1/admins",
        "{\"login\": \"ops\", \"password\": \"short\", \"roles\": [\"SYSADMIN\"]}"), "password"))
        .contains("at least 12 characters");
    assertThat(assertBadRequest(api().post("/api/v1/admins",
        "{\"login\": \"ops\", \"password\": \"long-enough-pw\", \"roles\": [\"ROOT\"]}"), "roles"))
        .contains("unknown role 'ROOT'");
    assertBadRequest(api().post("/api/v1/admins",
        "{\"login\": \"ops\", \"password\": \"long-enough-pw\", \"roles\": \"SYSADMIN\"}"), "roles");
    assertBadRequest(api().post("/api/v1/admins",
        "{\"login\": \"o/ps\", \"password\": \"long-enough-pw\", \"roles\": [\"SYSADMIN\"]}"),
        "login");
    assertBadRequest(api().post("/api/v1/admins",
        "{\"login\": 7, \"password\": \"long-enough-pw\", \"roles\": [\"SYSADMIN\"]}"), "login");
    assertBadRequest(api().post("/api/v1/admins", OPS.replace("}", ", \"admin\": true}")),
        "admin");
    assertProblem(api().post("/api/v1/admins", "{\"login\": "), 400);
    assertThat(api().get("/api/v1/admins").map()).containsEntry("total", 3);
  }

  @Test
  void aLoginIsTakenWhateverItsCase() {
    api().post("/api/v1/admins", OPS);

    assertProblem(api().post("/api/v1/admins", OPS.replace("\"ops\"", "\"OPS\"")), 409);
  }

  @Test
  void listsAdminsInPagesByLogin() {
    Reply first = api().get("/api/v1/admins?size=2");
    Reply second = api().get("/api/v1/admins?page=1&size=2");

    assertThat(first.items()).extracting(i -> i.get("login")).containsExactly("people", "sync");
    assertThat(first.map()).containsEntry("total", 3).containsEntry("size", 2);
    assertThat(second.items()).extracting(i -> i.get("login")).containsExactly("sys");
    assertBadRequest(api().get("/api/v1/admins?size=0"), "size");
    assertProblem(api().get("/api/v1/admins/nobody"), 404);
    assertThat(api().get("/api/v1/admins/sync").map()).containsEntry("roles", List.of("SYNC_ADMIN"));
  }

  @Test
  void rolesChangeAndTheLastSysadminStays() {
    Reply demoteLast = api().put("/api/v1/admins/sys", "{\"roles\": [\"SYNC_ADMIN\"]}");
    assertThat((String) assertProblem(demoteLast, 409).get("detail")).contains("last SYSADMIN");
    assertThat((String) assertProblem(api().delete("/api/v1/admins/sys"), 409).get("detail"))
        .contains("your own account");

    Reply promoted = api().put("/api/v1/admins/sync", "{\"roles\": [\"SYSADMIN\"]}");
    assertThat(promoted.map()).containsEntry("roles", List.of("SYSADMIN"));
    Reply demoted = api().as(InMemoryAdmins.SYNC)
        .put("/api/v1/admins/sys", "{\"roles\": [\"PEOPLE_ADMIN\"]}");
    assertThat(demoted.status()).isEqualTo(200);
    assertProblem(api().as(InMemoryAdmins.SYNC).delete("/api/v1/admins/sync"), 409);
    assertProblem(api().as(InMemoryAdmins.SYNC).put("/api/v1/admins/sync",
        "{\"roles\": [\"PEOPLE_ADMIN\"]}"), 409);
    assertBadRequest(api().as(InMemoryAdmins.SYNC).put("/api/v1/admins/sys", "{\"roles\": []}"),
        "roles");
    assertProblem(api().as(InMemoryAdmins.SYNC).put("/api/v1/admins/sys", "{}"), 400);
  }

  @Test
  void aDeletedAdminCanNoLongerLogIn() {
    Reply deleted = api().delete("/api/v1/admins/people");

    assertThat(deleted.status()).isEqualTo(204);
    assertProblem(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/admins/me"), 401);
    assertProblem(api().get("/api/v1/admins/people"), 404);
    assertProblem(api().delete("/api/v1/admins/people"), 404);
    assertThat(audit()).extracting(AuditEvent::action).contains("admin deleted");
  }

  @Test
  void aSysadminSetsAnotherAdminsPassword() {
    Reply set = api().put("/api/v1/admins/people", "{\"password\": \"a-new-password\"}");

    assertThat(set.status()).isEqualTo(200);
    assertProblem(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/admins/me"), 401);
    assertThat(api().withPassword("people", "a-new-password").get("/api/v1/admins/me").status())
        .isEqualTo(200);
    assertBadRequest(api().put("/api/v1/admins/people", "{\"password\": \"short\"}"), "password");
    assertThat(audit()).extracting(AuditEvent::action).contains("admin password set");
    assertThat(audit().toString()).doesNotContain("a-new-password");
  }

  @Test
  void everyAdminChangesTheirOwnPassword() {
    String path = "/api/v1/admins/me/password";
    assertThat(assertBadRequest(api().as(InMemoryAdmins.PEOPLE)
        .put(path, "{\"current\": \"wrong\", \"new\": \"people-new-password\"}"), "current"))
        .contains("not your current password");
    assertBadRequest(api().as(InMemoryAdmins.PEOPLE)
        .put(path, "{\"current\": \"people-secret\", \"new\": \"short\"}"), "new");
    assertBadRequest(api().as(InMemoryAdmins.PEOPLE)
        .put(path, "{\"current\": \"people-secret\", \"neu\": \"people-new-password\"}"), "neu");

    Reply changed = api().as(InMemoryAdmins.PEOPLE)
        .put(path, "{\"current\": \"people-secret\", \"new\": \"people-new-password\"}");

    assertThat(changed.status()).isEqualTo(204);
    assertProblem(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/admins/me"), 401);
    assertThat(api().withPassword("people", "people-new-password").get("/api/v1/admins/me")
        .map()).containsEntry("roles", List.of("PEOPLE_ADMIN"));
    AuditEvent event = audit().get(audit().size() - 1);
    assertThat(event.action()).isEqualTo("own password changed");
    assertThat(event.actor()).isEqualTo("admin:people");
  }

  @Test
  void onlyASysadminManagesAdmins() {
    assertProblem(api().as(InMemoryAdmins.SYNC).get("/api/v1/admins"), 403);
    assertProblem(api().as(InMemoryAdmins.PEOPLE).post("/api/v1/admins", OPS), 403);
    assertProblem(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/admins/sys"), 403);
    assertThat(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/admins/me").map())
        .containsEntry("login", "people");
    assertThat(api().get("/api/v1/admins").map()).containsEntry("total", 3);
  }
}
