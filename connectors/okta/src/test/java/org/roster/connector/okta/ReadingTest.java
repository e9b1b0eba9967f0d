package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.testkit.RecordingSink;

/** Full reads: paging, statuses, mapping, groups and scope. */
class ReadingTest {
  private final TestOrg org = new TestOrg();
  private final FakeOkta okta = org.okta;

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void readsEveryPageOfUsersGroupsAndMembers() {
    String a = okta.addGroup("A");
    String b = okta.addGroup("B");
    String c = okta.addGroup("C");
    for (int i = 1; i <= 7; i++) {
      org.user("user" + i, "U" + i, "Tester", i % 2 == 0 ? a : b, c);
    }
    org.with("pageSize", 2);
    RecordingSink groups;
    RecordingSink users;
    try (OktaSource source = org.open()) {
      groups = new RecordingSink();
      source.readAll(EntryKind.GROUP, groups);
      users = new RecordingSink();
      source.readAll(EntryKind.USER, users);
    }
    assertThat(groups.groups()).extracting(SourceGroup::name).containsExactly("A", "B", "C");
    assertThat(users.users()).hasSize(7);
    assertThat(users.usersByLogin().get("user4").groupIds()).containsExactlyInAnyOrder(a, c);
    assertThat(users.usersByLogin().get("user7").groupIds()).containsExactlyInAnyOrder(b, c);
    List<FakeOkta.Request> userPages = okta.requests("/api/v1/users");
    assertThat(userPages).hasSize(4);
    assertThat(userPages.get(0).query()).containsEntry("limit", "2").doesNotContainKey("after");
    assertThat(userPages.subList(1, 4)).allMatch(r -> r.query().containsKey("after"));
    assertThat(okta.requests("/api/v1/groups/" + c + "/users")).hasSize(4);
    assertThat(okta.requests("/api/v1/groups")).hasSize(2);
  }

  @Test
  void statusesDecideEnabledAndDeprovisionedUsersAreLeftOut() {
    for (String status :
        List.of(
            "ACTIVE",
            "PASSWORD_EXPIRED",
            "RECOVERY",
            "PROVISIONED",
            "SUSPENDED",
            "STAGED",
            "LOCKED_OUT",
            "DEPROVISIONED")) {
      okta.addUser(status.toLowerCase(), status, Map.of("firstName", "F", "lastName", "L"));
    }
    Map<String, SourceUser> users = org.readAll(EntryKind.USER).usersByLogin();
    assertThat(users).doesNotContainKey("deprovisioned").hasSize(7);
    assertThat(users.values().stream().filter(SourceUser::enabled).map(SourceUser::login))
        .containsExactlyInAnyOrder("active", "password_expired", "recovery", "provisioned");
    assertThat(users.get("locked_out").enabled()).isFalse();
    org.with("lockedOutIsDisabled", false);
    assertThat(org.readAll(EntryKind.USER).usersByLogin().get("locked_out").enabled()).isTrue();
  }

  @Test
  void aUsersFilterNeverBringsDeprovisionedUsersIn() {
    okta.addUser("sam", Map.of("department", "Sales"));
    okta.addUser("gone", "DEPROVISIONED", Map.of("department", "Sales"));
    okta.addUser("eve", Map.of("department", "Engineering"));
    org.with("usersFilter", "(department=Sales)");
    assertThat(org.readAll(EntryKind.USER).usersByLogin()).containsOnlyKeys("sam");
    assertThat(okta.requests("/api/v1/users").get(0).query().get("search"))
        .isEqualTo(
            "(profile.department eq \"Sales\") and (status lt \"DEPROVISIONED\" or status gt"
                + " \"DEPROVISIONED\")");
  }

  @Test
  void theDefaultMappingReadsOktasBaseProfile() {
    String id =
        okta.addUser(
            "ann@example.org",
            Map.of(
                "firstName", "Ann",
                "lastName", "Lee",
                "email", "ann.lee@example.org",
                "title", "Engineer",
                "department", "R&D",
                "organization", "Example Ltd",
                "primaryPhone", "+1 555 0100"));
    okta.addUser(
        "bo@example.org",
        Map.of("firstName", "Bo", "lastName", "Ek", "displayName", "Bo E.", "mobilePhone", "+46"));
    Map<String, SourceUser> users = org.readAll(EntryKind.USER).usersByLogin();
    SourceUser ann = users.get("ann@example.org");
    assertThat(ann.externalId()).isEqualTo(id);
    assertThat(ann.location()).isEqualTo("/api/v1/users/" + id);
    assertThat(ann.attributes())
        .containsEntry(UserFields.EMAIL, "ann.lee@example.org")
        .containsEntry(UserFields.GIVEN_NAME, "Ann")
        .containsEntry(UserFields.FAMILY_NAME, "Lee")
        .containsEntry(UserFields.DISPLAY_NAME, "Ann Lee")
        .containsEntry(UserFields.TITLE, "Engineer")
        .containsEntry(UserFields.DEPARTMENT, "R&D")
        .containsEntry(UserFields.COMPANY, "Example Ltd")
        .containsEntry(UserFields.PHONE, "+1 555 0100");
    SourceUser bo = users.get("bo@example.org");
    assertThat(bo.attribute(UserFields.DISPLAY_NAME)).isEqualTo("Bo E.");
    assertThat(bo.attribute(UserFields.PHONE)).isEqualTo("+46");
    assertThat(bo.attributes()).doesNotContainKeys(UserFields.EMAIL, UserFields.TITLE);
  }

  @Test
  void aMappingReadsCustomPropertiesAndRejectsUsersWithoutALogin() {
    String ok =
        okta.addUser(
            "a@example.org", Map.of("employeeNumber", "E1", "badgeNumber", 4711, "firstName", "A"));
    String without = okta.addUser("b@example.org", Map.of("firstName", "B"));
    org.with("mapping", Map.of("login", "employeeNumber", "department", "badgeNumber"));
    RecordingSink sink = org.readAll(EntryKind.USER);
    assertThat(sink.users()).extracting(SourceUser::externalId).containsExactly(ok);
    assertThat(sink.usersByLogin().get("E1").attribute(UserFields.DEPARTMENT)).isEqualTo("4711");
    assertThat(sink.rejections()).hasSize(1);
    RejectedEntry rejected = sink.rejections().get(0);
    assertThat(rejected.externalId()).contains(without);
    assertThat(rejected.location()).isEqualTo("/api/v1/users/" + without);
    assertThat(rejected.reason()).contains("login property 'employeeNumber'");
  }

  @Test
  void allOrdinaryGroupsByDefaultButNotEveryone() {
    String okta1 = okta.addGroup("Staff");
    String app = okta.addGroup("AD Sales", "APP_GROUP");
    String u = org.user("ann", "Ann", "Lee", okta1, app);
    assertThat(okta.groupId("Everyone")).isPresent();
    RecordingSink groups = org.readAll(EntryKind.GROUP);
    assertThat(groups.groups())
        .extracting(SourceGroup::name)
        .containsExactlyInAnyOrder("Staff", "AD Sales");
    assertThat(groups.groups()).allMatch(g -> g.parentGroupIds().isEmpty());
    assertThat(groups.groups().get(0).location()).isEqualTo("/api/v1/groups/" + okta1);
    assertThat(org.readAll(EntryKind.USER).users().get(0).groupIds())
        .containsExactlyInAnyOrder(okta1, app);
    assertThat(u).isNotBlank();
  }

  @Test
  void listedGroupsAndAGroupsFilterChooseTheGroups() {
    String eng = okta.addGroup("Engineering");
    String ops = okta.addGroup("Eng Ops");
    String sales = okta.addGroup("Sales");
    String hr = okta.addGroup("HR");
    org.user("ann", "Ann", "Lee", eng, sales, hr, ops);
    org.with("groups", List.of("Sales", hr)).with("groupsFilter", "(name=Eng*)");
    RecordingSink groups;
    RecordingSink users;
    try (OktaSource source = org.open()) {
      groups = new RecordingSink();
      source.readAll(EntryKind.GROUP, groups);
      users = new RecordingSink();
      source.readAll(EntryKind.USER, users);
    }
    assertThat(groups.groups())
        .extracting(SourceGroup::name)
        .containsExactlyInAnyOrder("Engineering", "Eng Ops", "Sales", "HR");
    assertThat(users.users().get(0).groupIds()).containsExactlyInAnyOrder(eng, ops, sales, hr);
    org.without("groupsFilter").with("groups", List.of("Sales"));
    assertThat(org.readAll(EntryKind.USER).users().get(0).groupIds()).containsExactly(sales);
  }

  @Test
  void theGroupsAreReadOnceForBothKinds() {
    okta.addGroup("A");
    org.user("ann", "Ann", "Lee");
    try (OktaSource source = org.open()) {
      source.readAll(EntryKind.GROUP, new RecordingSink());
      source.readAll(EntryKind.USER, new RecordingSink());
    }
    assertThat(okta.requests("/api/v1/groups")).hasSize(1);
  }
}
