package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;
import org.roster.connector.testkit.RecordingSink;

/** Full reads of an OpenLDAP-like in-memory directory: paging, scope, membership, mapping. */
class ReadingTest {
  private final InMemoryLdap ldap = InMemoryLdap.standard();

  @AfterEach
  void stop() {
    ldap.close();
  }

  private LdapSettings settings(Map<String, Object> overrides) {
    return ldap.settings(ldap.openldapSettings(overrides));
  }

  @Test
  void readsEveryUserAcrossManySmallPages() {
    for (int i = 0; i < 53; i++) {
      ldap.add(Fixtures.person(String.format("u%03d", i)));
    }
    Fixtures.Read read = Fixtures.readAll(settings(Map.of("pageSize", 7)));
    assertThat(read.users().users()).hasSize(53);
    assertThat(read.users().users().stream().map(SourceUser::externalId).distinct()).hasSize(53);
  }

  @Test
  void mapsTheOpenLdapDefaultsAndEntryUuid() {
    ldap.add(
        Fixtures.person(
            "ann", "title: Engineer", "o: Example Corp", "ou: R&D", "telephoneNumber: +1 555"));
    SourceUser ann = Fixtures.readAll(settings(Map.of())).user("ann");
    assertThat(ann.externalId()).matches("[0-9a-f-]{36}");
    assertThat(ann.location()).isEqualTo("uid=ann," + InMemoryLdap.PEOPLE);
    assertThat(ann.enabled()).isTrue();
    assertThat(ann.attributes())
        .containsEntry(UserFields.EMAIL, "ann@example.org")
        .containsEntry(UserFields.DISPLAY_NAME, "ann Person")
        .containsEntry(UserFields.TITLE, "Engineer")
        .containsEntry(UserFields.COMPANY, "Example Corp")
        .containsEntry(UserFields.DEPARTMENT, "R&D")
        .containsEntry(UserFields.PHONE, "+1 555");
  }

  @Test
  void aMappingOverrideReadsAnotherAttribute() {
    ldap.add(Fixtures.person("ann", "displayName: Ann A.", "employeeNumber: E7"));
    SourceUser ann =
        Fixtures.readAll(
                settings(
                    Map.of(
                        "mapping",
                        Map.of("displayName", "displayName", "login", "employeeNumber"))))
            .user("E7");
    assertThat(ann.attribute(UserFields.DISPLAY_NAME)).isEqualTo("Ann A.");
  }

  @Test
  void anEntryWithoutTheLoginIsRejectedWithItsDnAndTheReadGoesOn() {
    ldap.add(Fixtures.person("ann"));
    ldap.add(
        "dn: cn=No Login," + InMemoryLdap.PEOPLE,
        "objectClass: inetOrgPerson",
        "cn: No Login",
        "sn: Login");
    Fixtures.Read read = Fixtures.readAll(settings(Map.of()));
    assertThat(read.users().usersByLogin()).containsOnlyKeys("ann");
    RejectedEntry rejected = read.users().rejections().get(0);
    assertThat(rejected.location()).isEqualTo("cn=No Login," + InMemoryLdap.PEOPLE);
    assertThat(rejected.reason()).contains("'uid'");
    assertThat(rejected.externalId()).isPresent();
  }

  @Test
  void inclusionAndExclusionRulesAreAppliedByTheServer() {
    ldap.add(Fixtures.person("ann", "title: Engineer"));
    ldap.add(Fixtures.person("bob", "title: Engineer", "employeeType: contractor"));
    ldap.add(Fixtures.person("cat", "title: Sales"));
    Fixtures.Read read =
        Fixtures.readAll(
            settings(
                Map.of(
                    "includeRules",
                    List.of("(title=Engineer)"),
                    "excludeRules",
                    List.of("employeeType=contractor"))));
    assertThat(read.users().usersByLogin()).containsOnlyKeys("ann");
  }

  @Test
  void ousLimitTheSubtreesRead() {
    ldap.add("dn: ou=other," + InMemoryLdap.BASE, "objectClass: organizationalUnit", "ou: other");
    ldap.add(Fixtures.person("ann"));
    ldap.add(
        "dn: uid=out,ou=other," + InMemoryLdap.BASE,
        "objectClass: inetOrgPerson",
        "uid: out",
        "cn: out",
        "sn: out");
    Fixtures.Read read = Fixtures.readAll(settings(Map.of("ous", List.of("people", "ou=groups"))));
    assertThat(read.users().usersByLogin()).containsOnlyKeys("ann");
  }

  @Test
  void usersGetTheirDirectGroupsAndGroupsTheirParentsEvenInACycle() {
    ldap.add(Fixtures.person("ann"));
    ldap.add(Fixtures.person("bob"));
    String backend = "cn=backend," + InMemoryLdap.GROUPS;
    String platform = "cn=platform," + InMemoryLdap.GROUPS;
    String engineering = "cn=engineering," + InMemoryLdap.GROUPS;
    ldap.add(Fixtures.group("engineering", "ann", backend));
    ldap.add(Fixtures.group("backend", "bob", platform));
    ldap.add(Fixtures.group("platform", engineering, "uid=ghost," + InMemoryLdap.PEOPLE));
    Fixtures.Read read = Fixtures.readAll(settings(Map.of()));
    assertThat(read.groupNames("ann")).containsExactly("engineering");
    assertThat(read.groupNames("bob")).containsExactly("backend");
    assertThat(read.parentNames("backend")).containsExactly("engineering");
    assertThat(read.parentNames("platform")).containsExactly("backend");
    assertThat(read.parentNames("engineering")).containsExactly("platform");
  }

  @Test
  void memberDnsDifferingInCaseAndSpacingStillMatch() {
    ldap.add(Fixtures.person("ann"));
    ldap.add(Fixtures.group("g", "UID=Ann, OU=People, DC=Example, DC=Org"));
    assertThat(Fixtures.readAll(settings(Map.of())).groupNames("ann")).containsExactly("g");
  }

  @Test
  void uniqueMemberValuesWithUidSuffixesResolve() {
    ldap.add(Fixtures.person("ann"));
    ldap.add(
        "dn: cn=auditors," + InMemoryLdap.GROUPS,
        "objectClass: groupOfUniqueNames",
        "cn: auditors",
        "uniqueMember: uid=ann," + InMemoryLdap.PEOPLE + "#'0101'B");
    Fixtures.Read read = Fixtures.readAll(settings(Map.of("membershipAttribute", "uniqueMember")));
    assertThat(read.groupNames("ann")).containsExactly("auditors");
  }

  @Test
  void memberOfOnTheUserCanCarryMembership() {
    try (InMemoryLdap plain = InMemoryLdap.schemaless()) {
      plain.add(
          Fixtures.person(
              "ann", "memberOf: CN=G," + InMemoryLdap.GROUPS, "memberOf: cn=elsewhere,dc=x"));
      plain.add("dn: cn=g," + InMemoryLdap.GROUPS, "objectClass: groupOfNames", "cn: g");
      plain.add(
          "dn: cn=h," + InMemoryLdap.GROUPS,
          "objectClass: groupOfNames",
          "cn: h",
          "memberOf: cn=g," + InMemoryLdap.GROUPS);
      Fixtures.Read read =
          Fixtures.readAll(
              plain.settings(plain.openldapSettings(Map.of("membershipAttribute", "memberOf"))));
      assertThat(read.groupNames("ann")).containsExactly("g");
      assertThat(read.parentNames("h")).containsExactly("g");
    }
  }

  @Test
  void theGroupMembersFilterMacroIsReplacedByTheEscapedGroupDn() {
    ldap.add(Fixtures.person("ann", "description: cn=R&D (West)\\, Team," + InMemoryLdap.GROUPS));
    ldap.add(Fixtures.person("bob"));
    ldap.add(
        "dn: cn=R&D (West)\\, Team," + InMemoryLdap.GROUPS,
        "objectClass: groupOfNames",
        "cn: R&D (West), Team",
        "member: uid=bob," + InMemoryLdap.PEOPLE);
    Fixtures.Read read =
        Fixtures.readAll(
            settings(
                Map.of(
                    "groupMembersFilter",
                    "(&(objectClass=inetOrgPerson)(description=[#LDAPGroupDN#]))")));
    assertThat(read.groupNames("ann")).containsExactly("R&D (West), Team");
    assertThat(read.groupNames("bob"))
        .as("member lists do not count with a members filter")
        .isEmpty();
  }

  @Test
  void aSinkThatStopsDuringUsersGetsNoMoreCalls() {
    for (int i = 0; i < 30; i++) {
      ldap.add(Fixtures.person("u" + i));
    }
    try (LdapSource source = Fixtures.open(settings(Map.of("pageSize", 10)))) {
      RecordingSink users = RecordingSink.stoppingAfter(12);
      source.readAll(EntryKind.USER, users);
      assertThat(users.entries()).hasSize(12);
      assertThat(users.callsAfterStop()).isZero();
    }
  }

  @Test
  void aSinkFailureEndsTheReadAndTheSourceReadsWholeAgainAfterwards() {
    for (int i = 0; i < 30; i++) {
      ldap.add(Fixtures.person("u" + i));
    }
    try (LdapSource source = Fixtures.open(settings(Map.of("pageSize", 10)))) {
      IllegalStateException failure = new IllegalStateException("store down");
      int[] calls = {0};
      EntrySink failing =
          new EntrySink() {
            @Override
            public boolean accept(SourceEntry entry) {
              if (++calls[0] == 13) {
                throw failure;
              }
              return true;
            }

            @Override
            public boolean reject(RejectedEntry rejected) {
              return true;
            }
          };
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, failing)).isSameAs(failure);
      assertThat(calls[0]).as("no entry after the failure").isEqualTo(13);
      RecordingSink again = new RecordingSink();
      source.readAll(EntryKind.USER, again);
      assertThat(again.users()).hasSize(30);
    }
  }

  @Test
  void aSinkCallingTheSourceBackDuringAReadIsRefusedAndTheSourceStaysUsable() {
    ldap.add(Fixtures.person("ann"));
    ldap.add(Fixtures.person("bob"));
    try (LdapSource source = Fixtures.open(settings(Map.of()))) {
      source.readAll(EntryKind.GROUP, new RecordingSink());
      EntrySink reentrant =
          new EntrySink() {
            @Override
            public boolean accept(SourceEntry entry) {
              source.search(new DirectoryQuery(DirectoryQuery.By.NAME, "ann"), 10);
              return true;
            }

            @Override
            public boolean reject(RejectedEntry rejected) {
              return true;
            }
          };
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, reentrant))
          .as("entries arrive while the connection is busy reading them")
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("must not call it back");
      RecordingSink again = new RecordingSink();
      source.readAll(EntryKind.USER, again);
      assertThat(again.usersByLogin()).containsOnlyKeys("ann", "bob");
    }
  }
}
