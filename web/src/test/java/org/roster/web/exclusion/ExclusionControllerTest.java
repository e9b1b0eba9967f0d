package org.roster.web.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryStores;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.web.ApiClient;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.AdminServices;
import org.roster.web.fake.InMemoryAdmins;

@MicronautTest
class ExclusionControllerTest extends ApiTestSupport {
  private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");

  @Inject InMemoryStores stores;
  private User owner;
  private Group sales;

  @BeforeEach
  void seed() {
    AdminServices.reset(stores);
    owner = User.local(UUID.randomUUID(), "owner", Map.of(), NOW);
    stores.users.insertAll(List.of(owner));
    sales = new Group(UUID.randomUUID(), UUID.randomUUID(), "g1", "Sales", "cn=sales", false, Set.of(), NOW);
    stores.groups.insertAll(List.of(sales));
  }

  private ApiClient sync() {
    return api().as(InMemoryAdmins.SYNC);
  }

  private Reply exclude(String type, UUID id) {
    return sync().post("/api/v1/exclusions", "{\"objectType\": \"" + type + "\", \"objectId\": \"" + id + "\"}");
  }

  @Test
  void excludesAnObjectOnceAndAddressesItByTypeAndId() {
    Reply created = exclude("user", owner.id());
    Reply again = exclude("USER", owner.id());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/exclusions/user/" + owner.id());
    assertThat(created.map())
        .containsEntry("objectType", "USER")
        .containsEntry("objectId", owner.id().toString())
        .containsEntry("name", "owner")
        .containsEntry("createdBy", "admin:sync");
    assertThat(again.status()).isEqualTo(200);
    assertThat(sync().get(created.header("Location")).map()).containsEntry("name", "owner");
    assertThat(stores.exclusions.load().users()).containsExactly(owner.id());
  }

  @Test
  void listsNewestFirstPagedAndByType() {
    exclude("user", owner.id());
    exclude("group", sales.id());

    Reply all = sync().get("/api/v1/exclusions");
    Reply groups = sync().get("/api/v1/exclusions?objectType=group");
    Reply second = sync().get("/api/v1/exclusions?size=1&page=1");

    assertThat(all.items()).extracting(x -> x.get("name")).containsExactly("Sales", "owner");
    assertThat(groups.items()).extracting(x -> x.get("objectType")).containsExactly("GROUP");
    assertThat(second.map()).containsEntry("total", 2);
    assertThat(second.items()).extracting(x -> x.get("name")).containsExactly("owner");
    assertBadRequest(sync().get("/api/v1/exclusions?objectType=team"), "objectType");
  }

  @Test
  void removesAnExclusionAndAnUnknownOneIsNotFound() {
    exclude("group", sales.id());

    assertThat(sync().delete("/api/v1/exclusions/group/" + sales.id()).status()).isEqualTo(204);
    assertProblem(sync().delete("/api/v1/exclusions/group/" + sales.id()), 404);
    assertProblem(sync().get("/api/v1/exclusions/group/" + sales.id()), 404);
    assertBadRequest(sync().delete("/api/v1/exclusions/team/" + sales.id()), "objectType");
    assertBadRequest(sync().delete("/api/v1/exclusions/group/sales"), "objectId");
    assertThat(stores.exclusions.load().groups()).isEmpty();
  }

  @Test
  void aMissingObjectIsNotFoundAndABadBodyABadRequestNamingTheField() {
    assertThat((String) assertProblem(exclude("ROLE", UUID.randomUUID()), 404).get("detail")).startsWith("role ");
    assertProblem(exclude("group", owner.id()), 404);
    assertBadRequest(exclude("team", owner.id()), "objectType");
    assertBadRequest(sync().post("/api/v1/exclusions", "{\"objectId\": \"" + owner.id() + "\"}"), "objectType");
    assertBadRequest(sync().post("/api/v1/exclusions", "{\"objectType\": \"user\"}"), "objectId");
    assertBadRequest(sync().post("/api/v1/exclusions", "{\"objectType\": \"user\", \"objectId\": \"owner\"}"), "objectId");
    assertBadRequest(sync().post("/api/v1/exclusions", "{\"objectType\": 1, \"objectId\": \"" + owner.id() + "\"}"), "objectType");
    assertBadRequest(sync().post("/api/v1/exclusions", "{\"type\": \"user\"}"), "type");
    assertThat(stores.db.exclusions).isEmpty();
  }

  @Test
  void onlySyncAdminsAndSysadminsManageExclusions() {
    ApiClient people = api().as(InMemoryAdmins.PEOPLE);

    assertProblem(people.get("/api/v1/exclusions"), 403);
    assertProblem(people.post("/api/v1/exclusions", "{\"objectType\": \"user\", \"objectId\": \"" + owner.id() + "\"}"), 403);
    assertProblem(people.delete("/api/v1/exclusions/user/" + owner.id()), 403);
    assertProblem(api().anonymous().get("/api/v1/exclusions"), 401);
    assertThat(stores.db.exclusions).isEmpty();
    assertThat(api().post("/api/v1/exclusions", "{\"objectType\": \"user\", \"objectId\": \"" + owner.id() + "\"}").status())
        .isEqualTo(201);
  }
}
