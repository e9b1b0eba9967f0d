package org.roster.web.group;

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
import org.roster.application.port.out.Membership;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.AdminServices;
import org.roster.web.fake.InMemoryAdmins;

@MicronautTest
class GroupControllerTest extends ApiTestSupport {
  private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");
  private static final UUID AD = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
  private static final UUID HR = UUID.fromString("00000000-0000-0000-0000-0000000000cc");

  @Inject InMemoryStores stores;
  private Group staff;
  private Group sales;
  private Group gone;
  private Group hrSales;
  private Role seller;

  @BeforeEach
  void seed() {
    AdminServices.reset(stores);
    staff = new Group(UUID.randomUUID(), AD, "g-staff", "Staff", "cn=staff", false, Set.of(), NOW);
    sales = new Group(UUID.randomUUID(), AD, "g-sales", "Sales", "cn=sales", false, Set.of(staff.id()), NOW);
    gone = new Group(UUID.randomUUID(), AD, "g-gone", "Sales archive", "cn=old", true, Set.of(), NOW);
    hrSales = new Group(UUID.randomUUID(), HR, "Sales", "Sales", "line 2", false, Set.of(), NOW);
    stores.groups.insertAll(List.of(staff, sales, gone, hrSales));
    User ann = User.local(UUID.randomUUID(), "ann", Map.of(), NOW);
    User bob = User.local(UUID.randomUUID(), "bob", Map.of(), NOW);
    stores.users.insertAll(List.of(ann, bob));
    stores.users.addMemberships(List.of(new Membership(ann.id(), sales.id()),
        new Membership(bob.id(), sales.id()), new Membership(bob.id(), staff.id())));
    seller = new Role(UUID.randomUUID(), "Seller", RoleKind.FUNCTIONAL, null, Set.of(sales.id(), hrSales.id()));
    stores.roles.save(seller);
  }

  @Test
  void listsLiveGroupsByNameWithMemberCounts() {
    Reply all = api().as(InMemoryAdmins.PEOPLE).get("/api/v1/groups");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.items()).extracting(g -> g.get("name")).containsExactly("Sales", "Sales", "Staff");
    assertThat(all.items()).filteredOn(g -> g.get("id").equals(sales.id().toString())).singleElement()
        .satisfies(g -> assertThat(g)
            .containsEntry("profileId", AD.toString())
            .containsEntry("externalId", "g-sales")
            .containsEntry("location", "cn=sales")
            .containsEntry("deleted", false)
            .containsEntry("parentIds", List.of(staff.id().toString()))
            .containsEntry("memberCount", 2));
  }

  @Test
  void filtersByProfileTextAndDeletedAndPages() {
    assertThat(api().get("/api/v1/groups?profileId=" + HR).items())
        .extracting(g -> g.get("id")).containsExactly(hrSales.id().toString());
    assertThat(api().get("/api/v1/groups?q=SALES&profileId=" + AD).items())
        .extracting(g -> g.get("name")).containsExactly("Sales");
    assertThat(api().get("/api/v1/groups?q=sales&deleted=true&profileId=" + AD).items())
        .extracting(g -> g.get("name")).containsExactly("Sales", "Sales archive");
    Reply page = api().get("/api/v1/groups?size=2&page=1");
    assertThat(page.map()).containsEntry("total", 3).containsEntry("page", 1);
    assertThat(page.items()).extracting(g -> g.get("name")).containsExactly("Staff");
  }

  @Test
  void badParametersAreBadRequestsNamingThem() {
    assertBadRequest(api().get("/api/v1/groups?profileId=ad"), "profileId");
    assertBadRequest(api().get("/api/v1/groups?deleted=yes"), "deleted");
    assertBadRequest(api().get("/api/v1/groups?page=-1"), "page");
  }

  @Test
  void showsOneGroupWithParentsMemberCountAndBoundRoles() {
    Reply one = api().as(InMemoryAdmins.SYNC).get("/api/v1/groups/" + sales.id());

    assertThat(one.status()).isEqualTo(200);
    assertThat(one.map())
        .containsEntry("name", "Sales")
        .containsEntry("parents", List.of(Map.of("id", staff.id().toString(), "name", "Staff")))
        .containsEntry("memberCount", 2)
        .containsEntry("boundRoles",
            List.of(Map.of("id", seller.id().toString(), "name", "Seller", "kind", "FUNCTIONAL")));
    assertThat(api().get("/api/v1/groups/" + gone.id()).map())
        .containsEntry("deleted", true).containsEntry("memberCount", 0);
    assertProblem(api().get("/api/v1/groups/" + UUID.randomUUID()), 404);
  }

  @Test
  void groupsAreReadOnlyAndNeedAnAdmin() {
    assertProblem(api().anonymous().get("/api/v1/groups"), 401);
    assertThat(api().post("/api/v1/groups", "{\"name\": \"X\"}").status()).isIn(404, 405);
    assertThat(api().delete("/api/v1/groups/" + sales.id()).status()).isIn(404, 405);
  }
}
