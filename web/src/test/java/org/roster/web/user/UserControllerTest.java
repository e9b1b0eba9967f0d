package org.roster.web.user;

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
import org.roster.application.port.in.UserDetails;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryUsers;

@MicronautTest
class UserControllerTest extends ApiTestSupport {
  private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");
  private static final UUID PROFILE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  @Inject InMemoryUsers users;
  private User alice;
  private User bob;
  private Group staff;
  private Role sales;

  @BeforeEach
  void seed() {
    users.clear();
    alice =
        new User(
            UUID.randomUUID(),
            PROFILE,
            "guid-alice",
            "alice",
            UserStatus.ACTIVE,
            null,
            Map.of("email", "alice@example.org", "displayName", "Alice Liddell"),
            "cn=alice,ou=people",
            true,
            false,
            null,
            "h1",
            NOW,
            NOW);
    bob =
        new User(
            UUID.randomUUID(),
            PROFILE,
            "guid-bob",
            "bob",
            UserStatus.INACTIVE,
            InactiveReason.DISABLED_IN_SOURCE,
            Map.of("email", "bob@example.org"),
            "cn=bob,ou=people",
            false,
            false,
            null,
            "h2",
            NOW,
            NOW);
    User owner =
        User.local(UUID.randomUUID(), "owner", Map.of("displayName", "The Owner"), NOW)
            .withProtected(true, NOW);
    staff =
        new Group(
            UUID.randomUUID(), PROFILE, "guid-staff", "Staff", "cn=staff", false, Set.of(), NOW);
    sales = new Role(UUID.randomUUID(), "Sales", RoleKind.ORGANIZATIONAL, null, Set.of(staff.id()));
    users.save(new UserDetails(alice, List.of(staff), List.of(sales)));
    users.save(new UserDetails(bob, List.of(), List.of()));
    users.save(new UserDetails(owner, List.of(), List.of()));
  }

  @Test
  void searchesByTextInLoginEmailOrName() {
    Reply byName = api().get("/api/v1/users?q=liddell");
    Reply byEmail = api().get("/api/v1/users?q=BOB@");

    assertThat(byName.items()).extracting(u -> u.get("login")).containsExactly("alice");
    assertThat(byEmail.items()).extracting(u -> u.get("login")).containsExactly("bob");
  }

  @Test
  void filtersByStatusInAnyCaseAndByProfile() {
    Reply inactive = api().get("/api/v1/users?status=inactive");
    Reply synced = api().get("/api/v1/users?profileId=" + PROFILE);

    assertThat(inactive.items())
        .singleElement()
        .satisfies(
            u ->
                assertThat(u)
                    .containsEntry("login", "bob")
                    .containsEntry("status", "INACTIVE")
                    .containsEntry("inactiveReason", "DISABLED_IN_SOURCE"));
    assertThat(synced.items()).extracting(u -> u.get("login")).containsExactly("alice", "bob");
    assertThat(synced.map()).containsEntry("total", 2);
  }

  @Test
  void filtersByGroupRoleAndOrigin() {
    Reply inStaff = api().get("/api/v1/users?groupId=" + staff.id());
    Reply sellers = api().get("/api/v1/users?roleId=" + sales.id() + "&status=active");
    Reply local = api().get("/api/v1/users?local=true");
    Reply synced = api().get("/api/v1/users?local=FALSE");

    assertThat(inStaff.items()).extracting(u -> u.get("login")).containsExactly("alice");
    assertThat(sellers.items()).extracting(u -> u.get("login")).containsExactly("alice");
    assertThat(local.items()).extracting(u -> u.get("login")).containsExactly("owner");
    assertThat(synced.items()).extracting(u -> u.get("login")).containsExactly("alice", "bob");
    assertThat(api().get("/api/v1/users?roleId=" + UUID.randomUUID()).items()).isEmpty();
    assertBadRequest(api().get("/api/v1/users?groupId=staff"), "groupId");
    assertBadRequest(api().get("/api/v1/users?roleId=1"), "roleId");
    assertBadRequest(api().get("/api/v1/users?local=perhaps"), "local");
  }

  @Test
  void pagesTheResult() {
    Reply page = api().get("/api/v1/users?page=1&size=2");

    assertThat(page.map())
        .containsEntry("page", 1)
        .containsEntry("size", 2)
        .containsEntry("total", 3);
    assertThat(page.items()).extracting(u -> u.get("login")).containsExactly("owner");
  }

  @Test
  void listsLocalUsersWithoutProfileAndTheirProtection() {
    Reply owner = api().get("/api/v1/users?q=owner");

    assertThat(owner.items())
        .singleElement()
        .satisfies(
            u ->
                assertThat(u)
                    .containsEntry("profileId", null)
                    .containsEntry("externalId", null)
                    .containsEntry("protected", true)
                    .containsEntry("seat", false));
  }

  @Test
  void anUnknownStatusOrAMalformedProfileIdIsABadRequestNamingIt() {
    assertBadRequest(api().get("/api/v1/users?status=sleeping"), "status");
    assertBadRequest(api().get("/api/v1/users?profileId=42"), "profileId");
  }

  @Test
  void showsOneUserWithGroupsAndRoles() {
    Reply one = api().get("/api/v1/users/" + alice.id());

    assertThat(one.status()).isEqualTo(200);
    assertThat(one.map())
        .containsEntry("id", alice.id().toString())
        .containsEntry("login", "alice")
        .containsEntry("status", "ACTIVE")
        .containsEntry("inactiveReason", null)
        .containsEntry("profileId", PROFILE.toString())
        .containsEntry("externalId", "guid-alice")
        .containsEntry("seat", true)
        .containsEntry("protected", false)
        .containsEntry(
            "attributes", Map.of("email", "alice@example.org", "displayName", "Alice Liddell"))
        .containsEntry("groups", List.of(Map.of("id", staff.id().toString(), "name", "Staff")))
        .containsEntry(
            "roles",
            List.of(
                Map.of("id", sales.id().toString(), "name", "Sales", "kind", "ORGANIZATIONAL")));
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertProblem(api().get("/api/v1/users/" + UUID.randomUUID()), 404);
  }
}
