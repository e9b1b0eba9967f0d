package org.roster.web.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryStores;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.SyncPolicy;
import org.roster.web.ApiClient;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.AdminServices;
import org.roster.web.fake.InMemoryAdmins;

@MicronautTest
class UserAdminControllerTest extends ApiTestSupport {
  private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");

  @Inject InMemoryStores stores;
  private Profile corp;
  private User ann;

  @BeforeEach
  void seed() {
    AdminServices.reset(stores);
    corp = new Profile(UUID.randomUUID(), "corp", "ldap", Map.of(), SyncPolicy.defaults(true), true, NOW, NOW);
    stores.profiles.save(corp);
    ann = new User(UUID.randomUUID(), corp.id(), "guid-ann", "ann", UserStatus.ACTIVE, null,
        Map.of(), "cn=ann", true, false, null, "h", NOW, NOW);
    stores.users.insertAll(List.of(ann));
  }

  private ApiClient people() {
    return api().as(InMemoryAdmins.PEOPLE);
  }

  private String createOwner() {
    Reply r = people().post("/api/v1/users", "{\"login\": \"owner\", \"password\": \"correct horse\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return (String) r.map().get("id");
  }

  @Test
  void createsALocalUserWithAHashedPassword() {
    Reply created = people().post("/api/v1/users", "{\"login\": \"owner\", \"password\": \"correct horse\","
        + " \"attributes\": {\"email\": \"owner@example.org\", \"displayName\": \"The Owner\", \"title\": null}}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = (String) created.map().get("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
    assertThat(created.map())
        .containsEntry("login", "owner")
        .containsEntry("status", "ACTIVE")
        .containsEntry("profileId", null)
        .containsEntry("attributes", Map.of("email", "owner@example.org", "displayName", "The Owner"));
    assertThat(created.body()).doesNotContain("correct horse");
    assertThat(stores.db.passwords.get(UUID.fromString(id))).startsWith("pbkdf2-sha256$");
    AuditEvent e = stores.db.audit.get(stores.db.audit.size() - 1);
    assertThat(e.actor()).isEqualTo("admin:people");
    assertThat(e.action()).isEqualTo("created");
  }

  @Test
  void aBadLocalUserIsABadRequestNamingTheFieldAndATakenLoginAConflict() {
    assertBadRequest(people().post("/api/v1/users", "{\"password\": \"correct horse\"}"), "login");
    assertBadRequest(people().post("/api/v1/users", "{\"login\": \"x\"}"), "password");
    assertThat(assertBadRequest(people().post("/api/v1/users", "{\"login\": \"x\", \"password\": \"short\"}"), "password"))
        .contains("8 to 1024");
    assertBadRequest(people().post("/api/v1/users", "{\"login\": \"x\", \"password\": 12345678}"), "password");
    assertBadRequest(people().post("/api/v1/users",
        "{\"login\": \"x\", \"password\": \"correct horse\", \"attributes\": {\"email\": 12}}"), "attributes");
    assertBadRequest(people().post("/api/v1/users",
        "{\"login\": \"x\", \"password\": \"correct horse\", \"attributes\": {\"colour\": \"red\"}}"), "attributes.colour");
    assertBadRequest(people().post("/api/v1/users",
        "{\"login\": \"x\", \"password\": \"correct horse\", \"admin\": true}"), "admin");
    assertThat((String) assertProblem(people().post("/api/v1/users",
        "{\"login\": \"ANN\", \"password\": \"correct horse\"}"), 409).get("detail")).contains("taken by a synced user");
    assertThat(stores.db.users).hasSize(1);
  }

  @Test
  void setsALocalUsersPasswordButNotASyncedUsers() {
    String owner = createOwner();
    String before = stores.db.passwords.get(UUID.fromString(owner));

    Reply set = people().put("/api/v1/users/" + owner + "/password", "{\"password\": \"battery staple\"}");

    assertThat(set.status()).as(set.toString()).isEqualTo(204);
    assertThat(stores.db.passwords.get(UUID.fromString(owner))).isNotEqualTo(before);
    assertProblem(people().put("/api/v1/users/" + ann.id() + "/password", "{\"password\": \"battery staple\"}"), 409);
    assertBadRequest(people().put("/api/v1/users/" + owner + "/password", "{\"password\": \"short\"}"), "password");
    assertBadRequest(people().put("/api/v1/users/" + owner + "/password", "{}"), "password");
    assertProblem(people().put("/api/v1/users/" + UUID.randomUUID() + "/password", "{\"password\": \"battery staple\"}"), 404);
  }

  @Test
  void protectsAndUnprotects() {
    Reply on = people().put("/api/v1/users/" + ann.id() + "/protected", "{\"protected\": true}");
    assertThat(on.status()).as(on.toString()).isEqualTo(200);
    assertThat(on.map()).containsEntry("protected", true);
    assertThat(stores.users.find(ann.id()).orElseThrow().protectedUser()).isTrue();

    Reply off = people().put("/api/v1/users/" + ann.id() + "/protected", "{\"protected\": false}");
    assertThat(off.map()).containsEntry("protected", false);
    assertBadRequest(people().put("/api/v1/users/" + ann.id() + "/protected", "{\"protected\": \"yes\"}"), "protected");
    assertBadRequest(people().put("/api/v1/users/" + ann.id() + "/protected", "{}"), "protected");
    assertProblem(people().put("/api/v1/users/" + UUID.randomUUID() + "/protected", "{\"protected\": true}"), 404);
  }

  @Test
  void deactivatesAndActivatesWithTheSeat() {
    Reply off = people().post("/api/v1/users/" + ann.id() + "/deactivate", null);

    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.map()).containsEntry("status", "INACTIVE").containsEntry("inactiveReason", "BY_ADMIN")
        .containsEntry("seat", false);

    stores.licences.setLimit(Optional.of(0));
    assertThat((String) assertProblem(people().post("/api/v1/users/" + ann.id() + "/activate", null), 409)
        .get("detail")).contains("no licence seat is free");
    stores.licences.setLimit(Optional.empty());
    Reply on = people().post("/api/v1/users/" + ann.id() + "/activate", null);
    assertThat(on.map()).containsEntry("status", "ACTIVE").containsEntry("inactiveReason", null)
        .containsEntry("seat", true);
    assertProblem(people().post("/api/v1/users/" + UUID.randomUUID() + "/activate", null), 404);
  }

  @Test
  void linksALocalUserToADirectoryEntry() {
    String owner = createOwner();

    Reply linked = people().post("/api/v1/users/" + owner + "/link",
        "{\"profileId\": \"" + corp.id() + "\", \"externalId\": \"guid-owner\"}");

    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    assertThat(linked.map()).containsEntry("profileId", corp.id().toString()).containsEntry("externalId", "guid-owner");
    assertThat(stores.db.passwords).doesNotContainKey(UUID.fromString(owner));
    assertProblem(people().post("/api/v1/users/" + owner + "/link",
        "{\"profileId\": \"" + corp.id() + "\", \"externalId\": \"guid-x\"}"), 409);
    String other = (String) people().post("/api/v1/users", "{\"login\": \"other\", \"password\": \"correct horse\"}").map().get("id");
    assertProblem(people().post("/api/v1/users/" + other + "/link",
        "{\"profileId\": \"" + corp.id() + "\", \"externalId\": \"guid-ann\"}"), 409);
    assertProblem(people().post("/api/v1/users/" + other + "/link",
        "{\"profileId\": \"" + UUID.randomUUID() + "\", \"externalId\": \"guid-y\"}"), 404);
    assertBadRequest(people().post("/api/v1/users/" + other + "/link", "{\"profileId\": \"corp\", \"externalId\": \"g\"}"), "profileId");
    assertBadRequest(people().post("/api/v1/users/" + other + "/link", "{\"profileId\": \"" + corp.id() + "\"}"), "externalId");
  }

  @Test
  void onlyPeopleAdminsAndSysadminsChangeUsers() {
    ApiClient sync = api().as(InMemoryAdmins.SYNC);
    String body = "{\"login\": \"x\", \"password\": \"correct horse\"}";

    assertProblem(sync.post("/api/v1/users", body), 403);
    assertProblem(sync.put("/api/v1/users/" + ann.id() + "/protected", "{\"protected\": true}"), 403);
    assertProblem(sync.put("/api/v1/users/" + ann.id() + "/password", "{\"password\": \"correct horse\"}"), 403);
    assertProblem(sync.post("/api/v1/users/" + ann.id() + "/deactivate", null), 403);
    assertProblem(sync.post("/api/v1/users/" + ann.id() + "/activate", null), 403);
    assertProblem(sync.post("/api/v1/users/" + ann.id() + "/link", "{}"), 403);
    assertProblem(api().anonymous().post("/api/v1/users", body), 401);
    assertProblem(api().anonymous().post("/api/v1/users/" + ann.id() + "/deactivate", null), 401);
    assertThat(stores.users.find(ann.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(api().post("/api/v1/users", body).status()).isEqualTo(201);
  }
}
