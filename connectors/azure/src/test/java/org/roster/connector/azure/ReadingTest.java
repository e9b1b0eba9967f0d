package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;
import org.roster.connector.azure.fake.FakeDirectory;
import org.roster.connector.testkit.RecordingSink;

/** Full reads against the fake Graph: paging, selection, mapping, groups and nesting. */
class ReadingTest {
  private final TestTenant tenant = new TestTenant();

  @AfterEach
  void close() {
    tenant.close();
  }

  private record Read(RecordingSink groups, RecordingSink users) {
    Map<String, SourceUser> byLogin() {
      return users.usersByLogin();
    }

    Map<String, String> groupNames() {
      return groups.groups().stream()
          .collect(Collectors.toMap(SourceGroup::externalId, SourceGroup::name));
    }

    Set<String> groupsOf(String login) {
      Map<String, String> names = groupNames();
      return byLogin().get(login).groupIds().stream().map(names::get).collect(Collectors.toSet());
    }

    Set<String> parentsOf(String group) {
      Map<String, String> names = groupNames();
      return groups.groups().stream()
          .filter(g -> g.name().equals(group))
          .findFirst()
          .orElseThrow()
          .parentGroupIds()
          .stream()
          .map(names::get)
          .collect(Collectors.toSet());
    }
  }

  private Read read() {
    try (AzureSource source = tenant.open()) {
      RecordingSink groups = new RecordingSink();
      source.readAll(EntryKind.GROUP, groups);
      RecordingSink users = new RecordingSink();
      source.readAll(EntryKind.USER, users);
      return new Read(groups, users);
    }
  }

  private static Set<String> selected(String request) {
    String select = request.replaceAll(".*[?&]\\$select=([^&]*).*", "$1");
    return Set.copyOf(Arrays.asList(select.split(",")));
  }

  @Test
  void pagesThroughThousandsOfUsers999AtATimeSelectingOnlyTheMappedProperties() {
    tenant.entra.pageSize(999);
    IntStream.range(0, 2100).forEach(i -> tenant.user("user" + i));
    Read read = read();
    assertThat(read.users().users()).hasSize(2100);
    assertThat(read.byLogin()).hasSize(2100);
    List<String> pages = tenant.entra.requests("GET /v1.0/users");
    assertThat(pages).hasSize(3).allMatch(r -> r.contains("$top=999"));
    assertThat(pages.get(1)).contains("$skiptoken=");
    assertThat(selected(pages.get(0)))
        .containsExactlyInAnyOrder(
            "id",
            "accountEnabled",
            "userPrincipalName",
            "mail",
            "givenName",
            "surname",
            "displayName",
            "jobTitle",
            "department",
            "companyName",
            "businessPhones",
            "mobilePhone");
  }

  @Test
  void groupMembersArePagedToo() {
    tenant.entra.pageSize(2);
    String[] members =
        IntStream.range(0, 5).mapToObj(i -> tenant.user("m" + i)).toArray(String[]::new);
    String sales = tenant.group("Sales", members);
    Read read = read();
    assertThat(read.users().users()).allMatch(u -> u.groupIds().equals(Set.of(sales)));
    assertThat(tenant.entra.requests("GET /v1.0/groups/" + sales + "/members"))
        .hasSize(3)
        .allMatch(r -> r.contains("$select=id") && r.contains("$top=999"));
  }

  @Test
  void mapsTheDefaultPropertiesWithFallbacksAndLocation() {
    Map<String, Object> full = new HashMap<>(FakeDirectory.person("alice", "Alice", "Archer"));
    full.put("jobTitle", "Engineer");
    full.put("department", "R&D");
    full.put("companyName", "Contoso");
    full.put("businessPhones", List.of("+1 555 0100", "+1 555 0101"));
    full.put("mobilePhone", "+1 555 0199");
    String alice = tenant.directory().addUser(full);
    Map<String, Object> mobileOnly = new HashMap<>(FakeDirectory.person("bob", "Bob", "Baker"));
    mobileOnly.put("mobilePhone", "+1 555 0200");
    mobileOnly.put("accountEnabled", false);
    tenant.directory().addUser(mobileOnly);
    Read read = read();
    SourceUser a = read.byLogin().get("alice@contoso.example");
    assertThat(a.externalId()).isEqualTo(alice);
    assertThat(a.location()).isEqualTo("/users/" + alice);
    assertThat(a.enabled()).isTrue();
    assertThat(a.attributes())
        .containsEntry(UserFields.EMAIL, "alice@contoso.example")
        .containsEntry(UserFields.GIVEN_NAME, "Alice")
        .containsEntry(UserFields.FAMILY_NAME, "Archer")
        .containsEntry(UserFields.DISPLAY_NAME, "Alice Archer")
        .containsEntry(UserFields.TITLE, "Engineer")
        .containsEntry(UserFields.DEPARTMENT, "R&D")
        .containsEntry(UserFields.COMPANY, "Contoso")
        .containsEntry(UserFields.PHONE, "+1 555 0100");
    SourceUser b = read.byLogin().get("bob@contoso.example");
    assertThat(b.enabled()).isFalse();
    assertThat(b.attributes())
        .containsEntry(UserFields.PHONE, "+1 555 0200")
        .doesNotContainKeys(UserFields.TITLE, UserFields.COMPANY);
  }

  @Test
  void aUserWithoutTheLoginIsRejectedNamingThePropertyAndTheReadGoesOn() {
    tenant.user("alice");
    Map<String, Object> noUpn = new HashMap<>(FakeDirectory.person("ghost", "Ghost", "Host"));
    noUpn.remove("userPrincipalName");
    String ghost = tenant.directory().addUser(noUpn);
    tenant.user("zoe");
    Read read = read();
    assertThat(read.byLogin()).containsOnlyKeys("alice@contoso.example", "zoe@contoso.example");
    assertThat(read.users().rejections())
        .containsExactly(
            new RejectedEntry(
                EntryKind.USER,
                "/users/" + ghost,
                Optional.of(ghost),
                "has no userPrincipalName (mapped to the login)"));
  }

  @Test
  void theLoginAndFieldsCanBeMappedToOtherProperties() {
    Map<String, Object> sam = new HashMap<>(FakeDirectory.person("alice", "Alice", "Archer"));
    sam.put("onPremisesSamAccountName", "AARCHER");
    sam.put("onPremisesExtensionAttributes", Map.of("extensionAttribute1", "Cost centre 7"));
    tenant.directory().addUser(sam);
    Map<String, Object> noMail = new HashMap<>(FakeDirectory.person("bob", "Bob", "Baker"));
    noMail.remove("mail");
    tenant.directory().addUser(noMail);
    tenant.with(
        "mapping",
        Map.of(
            "login", "onPremisesSamAccountName,mail",
            "department", "onPremisesExtensionAttributes/extensionAttribute1"));
    Read read = read();
    assertThat(read.byLogin()).containsOnlyKeys("AARCHER");
    assertThat(read.byLogin().get("AARCHER").attribute(UserFields.DEPARTMENT))
        .isEqualTo("Cost centre 7");
    assertThat(read.users().rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("onPremisesSamAccountName or mail"));
    assertThat(selected(tenant.entra.requests("GET /v1.0/users?").get(0)))
        .contains("onPremisesSamAccountName", "onPremisesExtensionAttributes");
  }

  @Test
  void onlyTheSelectedGroupsAreReadAndUsersKeepOnlyThose() {
    String alice = tenant.user("alice");
    String bob = tenant.user("bob");
    String sales = tenant.group("Sales", alice);
    String salesEu = tenant.group("Sales EU", alice, bob);
    tenant.group("Support", bob);
    tenant.directory().updateGroup(salesEu, Map.of("securityEnabled", false));
    tenant.with("groupsFilter", "(&(securityEnabled=TRUE)(displayName=S*))");
    Read filtered = read();
    assertThat(filtered.groupNames().values()).containsExactlyInAnyOrder("Sales", "Support");
    assertThat(filtered.groupsOf("alice@contoso.example")).containsExactly("Sales");
    assertThat(tenant.entra.requests("GET /v1.0/groups?"))
        .anyMatch(
            r ->
                r.contains("$filter=securityEnabled eq true and " + "startswith(displayName,'S')"));
    tenant.with("groups", List.of("sales", salesEu.toUpperCase())).with("groupsFilter", null);
    Read listed = read();
    assertThat(listed.groupNames()).containsOnlyKeys(sales, salesEu);
    assertThat(listed.groupsOf("bob@contoso.example")).containsExactly("Sales EU");
    assertThat(listed.byLogin()).containsKeys("alice@contoso.example", "bob@contoso.example");
  }

  @Test
  void theUsersFilterIsAppliedByGraph() {
    Map<String, Object> sales = new LinkedHashMap<>(FakeDirectory.person("ann", "Ann", "A"));
    sales.put("department", "Sales");
    tenant.directory().addUser(sales);
    tenant.user("bob");
    tenant.with("usersFilter", "(|(department=Sales)(userPrincipalName=carl*))");
    tenant.user("carl");
    assertThat(read().byLogin()).containsOnlyKeys("ann@contoso.example", "carl@contoso.example");
  }

  /** All ⊃ Engineering ⊃ Platform; pat in Platform, eve in Engineering, al in All. */
  private void nestedGroups() {
    String pat = tenant.user("pat");
    String eve = tenant.user("eve");
    String al = tenant.user("al");
    String platform = tenant.group("Platform", pat);
    String engineering = tenant.group("Engineering", eve, platform);
    tenant.group("All", al, engineering);
  }

  @Test
  void directMembershipAndDirectParentsByDefault() {
    nestedGroups();
    Read read = read();
    assertThat(read.groupsOf("pat@contoso.example")).containsExactly("Platform");
    assertThat(read.groupsOf("eve@contoso.example")).containsExactly("Engineering");
    assertThat(read.parentsOf("Platform")).containsExactly("Engineering");
    assertThat(read.parentsOf("Engineering")).containsExactly("All");
    assertThat(read.parentsOf("All")).isEmpty();
    assertThat(tenant.entra.requests("GET /v1.0/groups/")).allMatch(r -> r.contains("/members?"));
  }

  @Test
  void nestedGroupsReadTransitiveMembers() {
    nestedGroups();
    tenant.with("nestedGroups", true);
    Read read = read();
    assertThat(read.groupsOf("pat@contoso.example"))
        .containsExactlyInAnyOrder("Platform", "Engineering", "All");
    assertThat(read.groupsOf("eve@contoso.example"))
        .containsExactlyInAnyOrder("Engineering", "All");
    assertThat(read.parentsOf("Platform")).containsExactlyInAnyOrder("Engineering", "All");
    assertThat(tenant.entra.requests("GET /v1.0/groups/"))
        .allMatch(r -> r.contains("/transitiveMembers?"));
  }

  @Test
  void nestedGroupsReachUsersThroughGroupsThatAreNotSynchronized() {
    nestedGroups();
    tenant.with("groups", List.of("All"));
    assertThat(read().groupsOf("pat@contoso.example")).isEmpty();
    tenant.with("nestedGroups", true);
    Read nested = read();
    assertThat(nested.groupNames().values()).containsExactly("All");
    assertThat(nested.groupsOf("pat@contoso.example")).containsExactly("All");
  }

  @Test
  void readUsersReadsCurrentStateByIdFifteenAtATime() {
    String sales = tenant.group("Sales");
    List<String> ids = IntStream.range(0, 20).mapToObj(i -> tenant.user("u" + i)).toList();
    tenant.directory().addMember(sales, ids.get(3));
    tenant.directory().updateUser(ids.get(3), Map.of("surname", "Changed"));
    tenant.directory().deleteUser(ids.get(4));
    tenant.with("usersFilter", "(accountEnabled=TRUE)");
    tenant.directory().updateUser(ids.get(5), Map.of("accountEnabled", false));
    RecordingSink sink = new RecordingSink();
    try (AzureSource source = tenant.open()) {
      source.readUsers(ids, sink);
    }
    assertThat(sink.users()).hasSize(18);
    assertThat(sink.deletions()).isEmpty();
    SourceUser changed = sink.usersByLogin().get("u3@contoso.example");
    assertThat(changed.attribute(UserFields.FAMILY_NAME)).isEqualTo("Changed");
    assertThat(changed.groupIds()).containsExactly(sales);
    assertThat(tenant.entra.requests("GET /v1.0/users?"))
        .hasSize(2)
        .allMatch(
            r -> r.contains("$filter=id in (") && r.contains(") and (accountEnabled eq true)"));
    assertThat(tenant.entra.requests("GET /v1.0/users/" + ids.get(3) + "/memberOf?")).hasSize(1);
  }
}
