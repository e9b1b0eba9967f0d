package org.roster.web.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryStores;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.web.ApiClient;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.AdminServices;
import org.roster.web.fake.InMemoryAdmins;

@MicronautTest
class LicenceControllerTest extends ApiTestSupport {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
  private static final UUID PROFILE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  @Inject InMemoryStores stores;

  @BeforeEach
  void seed() {
    AdminServices.reset(stores);
    stores.users.insertAll(List.of(
        user("ann", UserStatus.ACTIVE, true, null),
        user("bob", UserStatus.ACTIVE, true, null),
        user("dan", UserStatus.BLOCKED, false, T0.plusSeconds(20)),
        user("cid", UserStatus.BLOCKED, false, T0.plusSeconds(10))));
    stores.licences.setLimit(java.util.Optional.of(2));
  }

  private static User user(String login, UserStatus status, boolean seat, Instant blockedSince) {
    return new User(UUID.randomUUID(), PROFILE, "ext-" + login, login, status, null,
        Map.of("displayName", login.toUpperCase()), "cn=" + login, seat, false, blockedSince, "h", T0, T0);
  }

  private ApiClient people() {
    return api().as(InMemoryAdmins.PEOPLE);
  }

  @Test
  void showsThePool() {
    Reply pool = people().get("/api/v1/licences");

    assertThat(pool.status()).isEqualTo(200);
    assertThat(pool.map()).isEqualTo(Map.of("limit", 2, "used", 2, "free", 0, "overLimit", false, "blocked", 2));
  }

  @Test
  void listsTheBlockedQueueFirstComeWithPositions() {
    Reply queue = people().get("/api/v1/licences/blocked");
    Reply second = people().get("/api/v1/licences/blocked?size=1&page=1");

    assertThat(queue.items()).extracting(u -> u.get("login")).containsExactly("cid", "dan");
    assertThat(queue.items().get(0)).containsEntry("position", 1).containsEntry("displayName", "CID")
        .containsEntry("profileId", PROFILE.toString()).containsEntry("blockedSince", "2024-05-01T08:00:10Z");
    assertThat(second.items()).singleElement().satisfies(u ->
        assertThat(u).containsEntry("login", "dan").containsEntry("position", 2));
    assertThat(second.map()).containsEntry("total", 2);
  }

  @Test
  void aSysadminSetsOrRemovesTheLimit() {
    Reply lowered = api().put("/api/v1/licences/limit", "{\"limit\": 1}");
    assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
    assertThat(lowered.map()).containsEntry("limit", 1).containsEntry("free", 0).containsEntry("overLimit", true);

    Reply unlimited = api().put("/api/v1/licences/limit", "{\"limit\": null}");
    assertThat(unlimited.map()).containsEntry("limit", null).containsEntry("free", null)
        .containsEntry("overLimit", false).containsEntry("used", 2);
    assertThat(stores.db.seatLimit).isNull();
    assertThat(stores.db.audit).extracting(e -> e.actor()).containsOnly("admin:sys");
  }

  @Test
  void aBadLimitIsABadRequestNamingIt() {
    for (String body : List.of("{}", "{\"limit\": -1}", "{\"limit\": 1.5}", "{\"limit\": \"5\"}",
        "{\"limit\": true}", "{\"limit\": 3000000000}", "[]")) {
      assertBadRequest(api().put("/api/v1/licences/limit", body), "limit");
    }
    assertBadRequest(api().put("/api/v1/licences/limit", "{\"limit\": 3, \"seats\": 4}"), "seats");
    assertProblem(api().put("/api/v1/licences/limit", "{\"limit\": "), 400);
    assertThat(stores.db.seatLimit).isEqualTo(2);
  }

  @Test
  void aReleaseSaysHowManyAndWho() {
    api().put("/api/v1/licences/limit", "{\"limit\": 3}");

    Reply released = people().post("/api/v1/licences/release", null);

    assertThat(released.status()).as(released.toString()).isEqualTo(200);
    assertThat(released.map()).containsEntry("released", 1);
    assertThat(released.map().get("users")).isEqualTo(List.of(Map.of(
        "id", stores.users.findByLogin("cid").orElseThrow().id().toString(),
        "login", "cid", "profileId", PROFILE.toString())));
    assertThat(released.object("pool")).containsEntry("used", 3).containsEntry("blocked", 1);
    assertThat(people().post("/api/v1/licences/release", null).map()).containsEntry("released", 0);
  }

  @Test
  void peopleAdminsSeeAndReleaseButOnlyASysadminSetsTheLimit() {
    ApiClient sync = api().as(InMemoryAdmins.SYNC);

    assertProblem(people().put("/api/v1/licences/limit", "{\"limit\": 9}"), 403);
    assertProblem(sync.get("/api/v1/licences"), 403);
    assertProblem(sync.get("/api/v1/licences/blocked"), 403);
    assertProblem(sync.post("/api/v1/licences/release", null), 403);
    assertProblem(sync.put("/api/v1/licences/limit", "{\"limit\": 9}"), 403);
    assertProblem(api().anonymous().get("/api/v1/licences"), 401);
    assertProblem(api().anonymous().post("/api/v1/licences/release", null), 401);
    assertThat(stores.db.seatLimit).isEqualTo(2);
    assertThat(stores.users.blockedQueue(10)).hasSize(2);
  }
}
