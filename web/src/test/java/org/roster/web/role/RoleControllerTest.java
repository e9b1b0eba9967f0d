package org.roster.web.role;

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
import org.roster.application.port.out.RoleAssignment;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.Group;
import org.roster.web.ApiClient;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.AdminServices;
import org.roster.web.fake.InMemoryAdmins;

@MicronautTest
class RoleControllerTest extends ApiTestSupport {
  private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");
  private static final UUID PROFILE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  @Inject InMemoryStores stores;
  private Group salesEu;
  private Group salesUs;

  @BeforeEach
  void seed() {
    AdminServices.reset(stores);
    salesEu = new Group(UUID.randomUUID(), PROFILE, "g-eu", "Sales EU", "cn=eu", false, Set.of(), NOW);
    salesUs = new Group(UUID.randomUUID(), PROFILE, "g-us", "Sales US", "cn=us", false, Set.of(), NOW);
    stores.groups.insertAll(List.of(salesEu, salesUs));
  }

  private ApiClient sync() {
    return api().as(InMemoryAdmins.SYNC);
  }

  private String create(String name, String kind, String parentId) {
    Reply r = sync().post("/api/v1/roles", "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\""
        + (parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"") + "}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return (String) r.map().get("id");
  }

  @Test
  void createsTheTreeAndShowsARoleWithPathChildrenBindingsAndHolders() {
    String corp = create("Corp", "organizational", null);
    Reply created = sync().post("/api/v1/roles",
        "{\"name\": \"Sales\", \"kind\": \"ORGANIZATIONAL\", \"parentId\": \"" + corp + "\"}");
    String sales = (String) created.map().get("id");
    String emea = create("EMEA", "organizational", sales);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/roles/" + sales);
    Reply one = api().as(InMemoryAdmins.PEOPLE).get("/api/v1/roles/" + sales);
    assertThat(one.map())
        .containsEntry("name", "Sales")
        .containsEntry("kind", "ORGANIZATIONAL")
        .containsEntry("parentId", corp)
        .containsEntry("path", List.of(Map.of("id", corp, "name", "Corp", "kind", "ORGANIZATIONAL")))
        .containsEntry("children", List.of(Map.of("id", emea, "name", "EMEA", "kind", "ORGANIZATIONAL")))
        .containsEntry("boundGroups", List.of())
        .containsEntry("holders", 0);
    AuditEvent event = stores.db.audit.get(stores.db.audit.size() - 1);
    assertThat(event.actor()).isEqualTo("admin:sync");
    assertThat(event.action()).isEqualTo("created");
  }

  @Test
  void listsPagedWithKindTextAndParentFilters() {
    String corp = create("Corp", "organizational", null);
    create("Sales", "organizational", corp);
    create("Presales", "organizational", corp);
    create("Sales approver", "functional", null);

    Reply sales = api().get("/api/v1/roles?q=SALES");
    Reply functional = api().get("/api/v1/roles?kind=functional");
    Reply underCorp = api().get("/api/v1/roles?parentId=" + corp + "&size=1&page=1");

    assertThat(sales.items()).extracting(r -> r.get("name"))
        .containsExactly("Presales", "Sales", "Sales approver");
    assertThat(functional.items()).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("kind", "FUNCTIONAL").containsEntry("parentId", null)
            .containsEntry("boundGroupIds", List.of()));
    assertThat(underCorp.map()).containsEntry("total", 2).containsEntry("page", 1).containsEntry("size", 1);
    assertThat(underCorp.items()).extracting(r -> r.get("name")).containsExactly("Sales");
    assertBadRequest(api().get("/api/v1/roles?kind=team"), "kind");
    assertBadRequest(api().get("/api/v1/roles?parentId=nope"), "parentId");
    assertBadRequest(api().get("/api/v1/roles?size=0"), "size");
  }

  @Test
  void renamesAndMovesButRefusesACycle() {
    String corp = create("Corp", "organizational", null);
    String other = create("Other", "organizational", null);
    String sales = create("Sales", "organizational", corp);

    Reply moved = sync().put("/api/v1/roles/" + sales, "{\"name\": \"Sales & Marketing\", \"parentId\": \"" + other + "\"}");
    Reply cycle = sync().put("/api/v1/roles/" + other, "{\"name\": \"Other\", \"parentId\": \"" + sales + "\"}");

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.map()).containsEntry("name", "Sales & Marketing").containsEntry("parentId", other);
    assertThat(assertBadRequest(cycle, "parentId")).contains("its own ancestor");
    assertProblem(sync().put("/api/v1/roles/" + UUID.randomUUID(), "{\"name\": \"X\"}"), 404);
    assertBadRequest(sync().put("/api/v1/roles/" + sales, "{\"name\": \"X\", \"kind\": \"functional\"}"), "kind");
  }

  @Test
  void badRequestsNameTheField() {
    String corp = create("Corp", "organizational", null);

    assertBadRequest(sync().post("/api/v1/roles", "{\"kind\": \"functional\"}"), "name");
    assertBadRequest(sync().post("/api/v1/roles", "{\"name\": \"X\"}"), "kind");
    assertBadRequest(sync().post("/api/v1/roles", "{\"name\": \"X\", \"kind\": \"team\"}"), "kind");
    assertBadRequest(sync().post("/api/v1/roles", "{\"name\": 12, \"kind\": \"functional\"}"), "name");
    assertBadRequest(sync().post("/api/v1/roles", "{\"name\": \"X\", \"kind\": \"functional\", \"colour\": 1}"), "colour");
    assertThat(assertBadRequest(sync().post("/api/v1/roles",
        "{\"name\": \"X\", \"kind\": \"organizational\", \"parentId\": 7}"), "parentId"))
        .contains("must be an id");
    assertBadRequest(sync().post("/api/v1/roles",
        "{\"name\": \"X\", \"kind\": \"functional\", \"parentId\": \"" + corp + "\"}"), "parentId");
    assertBadRequest(sync().post("/api/v1/roles",
        "{\"name\": \"X\", \"kind\": \"organizational\", \"parentId\": \"" + UUID.randomUUID() + "\"}"), "parentId");
    assertProblem(sync().post("/api/v1/roles", "{\"name\": "), 400);
    assertThat(stores.db.roles).hasSize(1);
  }

  @Test
  void aSiblingWithTheSameNameIsAConflict() {
    String corp = create("Corp", "organizational", null);
    create("Sales", "organizational", corp);

    Reply clash = sync().post("/api/v1/roles", "{\"name\": \"sales\", \"kind\": \"organizational\", \"parentId\": \"" + corp + "\"}");

    assertThat((String) assertProblem(clash, 409).get("detail")).contains("'Sales' already exists");
  }

  @Test
  void deleteIsRefusedWhileItHasChildrenOrHoldersUnlessForced() {
    String corp = create("Corp", "organizational", null);
    String sales = create("Sales", "organizational", corp);
    String emea = create("EMEA", "organizational", sales);
    stores.roles.addAssignments(List.of(new RoleAssignment(UUID.randomUUID(), UUID.fromString(sales), false)));

    Reply refused = sync().delete("/api/v1/roles/" + sales);
    Reply forced = sync().delete("/api/v1/roles/" + sales + "?force=true");

    assertThat((String) assertProblem(refused, 409).get("detail"))
        .contains("'EMEA'").contains("held by 1 user(s)").contains("force=true");
    assertThat(forced.status()).as(forced.toString()).isEqualTo(204);
    assertProblem(api().get("/api/v1/roles/" + sales), 404);
    assertThat(api().get("/api/v1/roles/" + emea).map()).containsEntry("parentId", corp);
    assertBadRequest(sync().delete("/api/v1/roles/" + corp + "?force=maybe"), "force");
    assertThat(sync().delete("/api/v1/roles/" + emea).status()).isEqualTo(204);
    assertProblem(sync().delete("/api/v1/roles/" + emea), 404);
  }

  @Test
  void bindsGroupsAndShowsThem() {
    String sales = create("Sales", "functional", null);

    Reply bound = sync().put("/api/v1/roles/" + sales + "/binding",
        "{\"groupIds\": [\"" + salesUs.id() + "\", \"" + salesEu.id() + "\"]}");

    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    assertThat(bound.map().get("boundGroups")).isEqualTo(List.of(
        Map.of("id", salesEu.id().toString(), "name", "Sales EU", "profileId", PROFILE.toString(), "deleted", false),
        Map.of("id", salesUs.id().toString(), "name", "Sales US", "profileId", PROFILE.toString(), "deleted", false)));
    assertThat(api().get("/api/v1/roles?q=sales").items().get(0).get("boundGroupIds"))
        .asList().containsExactlyInAnyOrder(salesEu.id().toString(), salesUs.id().toString());

    Reply unbound = sync().put("/api/v1/roles/" + sales + "/binding", "{\"groupIds\": []}");
    assertThat(unbound.map()).containsEntry("boundGroups", List.of());
  }

  @Test
  void aBindingNamesGroupsThatDoNotExistAndRefusesBadIds() {
    String sales = create("Sales", "functional", null);
    UUID missing = UUID.randomUUID();

    assertThat(assertBadRequest(sync().put("/api/v1/roles/" + sales + "/binding",
        "{\"groupIds\": [\"" + salesEu.id() + "\", \"" + missing + "\"]}"), "groupIds")).contains(missing.toString());
    assertBadRequest(sync().put("/api/v1/roles/" + sales + "/binding", "{}"), "groupIds");
    assertBadRequest(sync().put("/api/v1/roles/" + sales + "/binding", "{\"groupIds\": \"" + salesEu.id() + "\"}"), "groupIds");
    assertBadRequest(sync().put("/api/v1/roles/" + sales + "/binding", "{\"groupIds\": [42]}"), "groupIds");
    assertBadRequest(sync().put("/api/v1/roles/" + sales + "/binding", "{\"groups\": []}"), "groups");
    assertProblem(sync().put("/api/v1/roles/" + UUID.randomUUID() + "/binding", "{\"groupIds\": []}"), 404);
    assertThat(stores.roles.find(UUID.fromString(sales)).orElseThrow().bound()).isFalse();
  }

  @Test
  void everyAdminReadsRolesButOnlySyncAdminsAndSysadminsChangeThem() {
    String corp = create("Corp", "organizational", null);
    ApiClient people = api().as(InMemoryAdmins.PEOPLE);

    assertThat(people.get("/api/v1/roles").status()).isEqualTo(200);
    assertThat(people.get("/api/v1/roles/" + corp).status()).isEqualTo(200);
    assertProblem(people.post("/api/v1/roles", "{\"name\": \"X\", \"kind\": \"functional\"}"), 403);
    assertProblem(people.put("/api/v1/roles/" + corp, "{\"name\": \"X\"}"), 403);
    assertProblem(people.delete("/api/v1/roles/" + corp), 403);
    assertProblem(people.put("/api/v1/roles/" + corp + "/binding", "{\"groupIds\": []}"), 403);
    assertProblem(api().anonymous().get("/api/v1/roles"), 401);
    assertProblem(api().anonymous().post("/api/v1/roles", "{\"name\": \"X\", \"kind\": \"functional\"}"), 401);
    assertThat(api().post("/api/v1/roles", "{\"name\": \"X\", \"kind\": \"functional\"}").status()).isEqualTo(201);
    assertThat(stores.db.roles).hasSize(2);
  }
}
