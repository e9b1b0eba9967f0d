package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SyncToken;
import org.roster.connector.testkit.RecordingSink;

/**
 * OpenLDAP's incremental read by modifyTimestamp, in memory (which keeps modifyTimestamp), the
 * members reported for changed groups and users read again by id.
 */
class OpenLdapIncrementalTest {
  private final InMemoryLdap ldap = InMemoryLdap.standard();
  private LDAPConnection admin;

  @BeforeEach
  void seed() {
    ldap.add(Fixtures.person("ann"));
    ldap.add(Fixtures.person("bob"));
    ldap.add(Fixtures.person("cat"));
    ldap.add(Fixtures.group("g", "ann"));
    ldap.add(Fixtures.group("h", "cat"));
    admin = ldap.admin();
  }

  @AfterEach
  void stop() {
    admin.close();
    ldap.close();
  }

  private LdapSettings settings(int fullReconcileHours) {
    return ldap.settings(
        ldap.openldapSettings(
            Map.of("overlapSeconds", 0, "fullReconcileHours", fullReconcileHours)));
  }

  private SyncToken token() {
    try (LdapSource source = Fixtures.open(settings(24))) {
      return source.currentToken();
    }
  }

  private RecordingSink changes(EntryKind kind, SyncToken since, Clock clock) {
    try (LdapSource source = new LdapSource(settings(24), new SourceContext("test", clock))) {
      RecordingSink sink = new RecordingSink();
      assertThat(source.readChanges(kind, since, sink)).isNotNull();
      return sink;
    }
  }

  /** Timestamps have one-second resolution on OpenLDAP: changes must fall in a later second. */
  private static void nextSecond() throws InterruptedException {
    Thread.sleep(1100 - System.currentTimeMillis() % 1000);
  }

  @Test
  void changedUsersAndTheMembersOfChangedGroupsAreRead() throws Exception {
    nextSecond();
    SyncToken token = token();
    nextSecond();
    admin.modify(
        "uid=bob," + InMemoryLdap.PEOPLE,
        new Modification(ModificationType.REPLACE, "mail", "robert@example.org"));
    admin.modify(
        "cn=g," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.ADD, "member", "uid=bob," + InMemoryLdap.PEOPLE));
    ldap.add(Fixtures.person("dan"));
    RecordingSink users = changes(EntryKind.USER, token, Clock.systemUTC());
    assertThat(users.usersByLogin()).containsOnlyKeys("ann", "bob", "dan");
    assertThat(users.usersByLogin().get("bob").attribute("email")).isEqualTo("robert@example.org");
    assertThat(users.usersByLogin().get("bob").groupIds()).hasSize(1);
    RecordingSink groups = changes(EntryKind.GROUP, token, Clock.systemUTC());
    assertThat(groups.groups())
        .as("every group: a group taken out of its parent is not itself changed")
        .extracting(g -> g.name())
        .containsExactlyInAnyOrder("g", "h");
  }

  private MembersSink groupChanges(SyncToken since) {
    return groupChanges(since, settings(24));
  }

  private MembersSink groupChanges(SyncToken since, LdapSettings settings) {
    try (LdapSource source = Fixtures.open(settings)) {
      MembersSink sink = new MembersSink();
      source.readChanges(EntryKind.GROUP, since, sink);
      return sink;
    }
  }

  private Fixtures.Read all() {
    return Fixtures.readAll(settings(24));
  }

  private static String dn(String uid) {
    return "uid=" + uid + "," + InMemoryLdap.PEOPLE;
  }

  @Test
  void changedGroupsReportTheirCompleteDirectUserMembers() throws Exception {
    Fixtures.Read before = all();
    nextSecond();
    SyncToken token = token();
    nextSecond();
    admin.modify("cn=g," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.DELETE, "member", dn("ann")),
        new Modification(ModificationType.ADD, "member", dn("bob")),
        new Modification(ModificationType.ADD, "member", "cn=h," + InMemoryLdap.GROUPS),
        new Modification(ModificationType.ADD, "member", "uid=ghost," + InMemoryLdap.PEOPLE),
        new Modification(ModificationType.ADD, "member", "uid=outsider,dc=elsewhere"));
    MembersSink sink = groupChanges(token);
    String g = before.groupsByName().get("g").externalId();
    assertThat(sink.members)
        .as("only the changed group; users only, in scope, by id")
        .containsOnlyKeys(g)
        .containsEntry(g, Set.of(before.user("bob").externalId()));
    assertThat(sink.recorded.groups()).extracting(x -> x.name()).containsExactlyInAnyOrder("g", "h");
  }

  @Test
  void aGroupLeftByAllReportsNoMembers() throws Exception {
    Fixtures.Read before = all();
    nextSecond();
    SyncToken token = token();
    nextSecond();
    admin.modify("cn=h," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.REPLACE, "member", "cn=g," + InMemoryLdap.GROUPS));
    MembersSink sink = groupChanges(token);
    String h = before.groupsByName().get("h").externalId();
    assertThat(sink.members).containsExactly(Map.entry(h, Set.of()));
  }

  @Test
  void manyMembersAreResolvedByOneScan() throws Exception {
    List<String> uids = new ArrayList<>();
    for (int i = 0; i < GroupMembers.READ_ONE_BY_ONE + 20; i++) {
      uids.add("m" + i);
      ldap.add(Fixtures.person("m" + i));
    }
    Fixtures.Read before = all();
    nextSecond();
    SyncToken token = token();
    nextSecond();
    List<Modification> adds = new ArrayList<>();
    for (String uid : uids) {
      adds.add(new Modification(ModificationType.ADD, "member", dn(uid)));
    }
    admin.modify("cn=h," + InMemoryLdap.GROUPS, adds);
    MembersSink sink = groupChanges(token);
    Set<String> expected = new HashSet<>();
    uids.forEach(u -> expected.add(before.user(u).externalId()));
    expected.add(before.user("cat").externalId());
    assertThat(sink.members)
        .containsExactly(Map.entry(before.groupsByName().get("h").externalId(), expected));
  }

  @Test
  void membersOutOfTheUsersFilterAreNotReported() throws Exception {
    Fixtures.Read before = all();
    nextSecond();
    SyncToken token = token();
    nextSecond();
    admin.modify("cn=g," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.ADD, "member", dn("bob")));
    MembersSink sink =
        groupChanges(
            token,
            ldap.settings(
                ldap.openldapSettings(
                    Map.of(
                        "overlapSeconds", 0,
                        "usersFilter", "(&(objectClass=inetOrgPerson)(!(uid=bob)))"))));
    assertThat(sink.members)
        .as("bob is out of the users filter")
        .containsExactly(
            Map.entry(
                before.groupsByName().get("g").externalId(),
                Set.of(before.user("ann").externalId())));
  }

  @Test
  void withMemberOfTheMembersAreTheUsersWhoseMemberOfNamesTheGroup() throws Exception {
    try (InMemoryLdap plain = InMemoryLdap.schemaless()) {
      String g = "cn=g," + InMemoryLdap.GROUPS;
      plain.add(Fixtures.person("ann", "memberOf: CN=G," + InMemoryLdap.GROUPS));
      plain.add(Fixtures.person("bob", "memberOf: " + g));
      plain.add(Fixtures.person("cat"));
      plain.add("dn: " + g, "objectClass: groupOfNames", "cn: g");
      plain.add("dn: cn=h," + InMemoryLdap.GROUPS, "objectClass: groupOfNames", "cn: h");
      LdapSettings settings =
          plain.settings(
              plain.openldapSettings(
                  Map.of("membershipAttribute", "memberOf", "overlapSeconds", 0)));
      Fixtures.Read before = Fixtures.readAll(settings);
      nextSecond();
      SyncToken token;
      try (LdapSource source = Fixtures.open(settings)) {
        token = source.currentToken();
      }
      nextSecond();
      try (LDAPConnection a = plain.admin()) {
        a.modify(g, new Modification(ModificationType.REPLACE, "description", "changed"));
        a.modify(
            dn("bob"),
            new Modification(ModificationType.DELETE, "memberOf", g));
      }
      MembersSink sink = groupChanges(token, settings);
      assertThat(sink.members)
          .containsExactly(
              Map.entry(
                  before.groupsByName().get("g").externalId(),
                  Set.of(before.user("ann").externalId())));
      RecordingSink again = new RecordingSink();
      try (LdapSource source = Fixtures.open(settings)) {
        source.readUsers(List.of(before.user("bob").externalId()), again);
      }
      assertThat(again.usersByLogin().get("bob").groupIds()).isEmpty();
    }
  }

  @Test
  void readUsersReadsUsersAgainByIdWithAllTheirGroups() {
    Fixtures.Read before = all();
    String ann = before.user("ann").externalId();
    String cat = before.user("cat").externalId();
    RecordingSink sink = new RecordingSink();
    try (LdapSource source = Fixtures.open(settings(24))) {
      source.readUsers(List.of(ann, cat, ann, "no-such-id", "x)(uid=*"), sink);
    }
    assertThat(sink.usersByLogin()).containsOnlyKeys("ann", "cat");
    assertThat(sink.usersByLogin().get("ann").groupIds())
        .containsExactly(before.groupsByName().get("g").externalId());
    assertThat(sink.usersByLogin().get("cat").groupIds())
        .containsExactly(before.groupsByName().get("h").externalId());
  }

  @Test
  void readUsersEmitsOnlyUsersInScopeAndReadsManyIdsInChunks() throws Exception {
    for (int i = 0; i < 2 * UserScan.IDS_PER_FILTER + 5; i++) {
      ldap.add(Fixtures.person("m" + i));
    }
    Fixtures.Read before = all();
    List<String> ids = new ArrayList<>();
    before.users().users().forEach(u -> ids.add(u.externalId()));
    admin.modify(
        dn("ann"), new Modification(ModificationType.REPLACE, "description", "hidden"));
    RecordingSink sink = new RecordingSink();
    LdapSettings hiding =
        ldap.settings(
            ldap.openldapSettings(
                Map.of("usersFilter", "(&(objectClass=inetOrgPerson)(!(description=hidden)))")));
    try (LdapSource source = Fixtures.open(hiding)) {
      source.readUsers(ids, sink);
    }
    assertThat(sink.users()).hasSize(ids.size() - 1);
    assertThat(sink.usersByLogin()).doesNotContainKey("ann").containsKeys("bob", "cat", "m0");
  }

  @Test
  void aMemberWhoLeftIsReadAgainWithoutTheGroup() throws Exception {
    Fixtures.Read before = all();
    nextSecond();
    SyncToken token = token();
    nextSecond();
    admin.modify("cn=g," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.DELETE, "member", dn("ann")));
    try (LdapSource source = Fixtures.open(settings(24))) {
      MembersSink groups = new MembersSink();
      source.readChanges(EntryKind.GROUP, token, groups);
      String g = before.groupsByName().get("g").externalId();
      assertThat(groups.members).containsEntry(g, Set.of());
      RecordingSink users = new RecordingSink();
      source.readChanges(EntryKind.USER, token, users);
      assertThat(users.usersByLogin()).doesNotContainKey("ann");
      RecordingSink again = new RecordingSink();
      source.readUsers(List.of(before.user("ann").externalId()), again);
      assertThat(again.usersByLogin().get("ann").groupIds()).isEmpty();
    }
  }

  @Test
  void aGroupTakenOutOfItsParentIsEmittedWithItsNewParents() throws Exception {
    admin.modify("cn=h," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.ADD, "member", "cn=g," + InMemoryLdap.GROUPS));
    Fixtures.Read before = all();
    assertThat(before.parentNames("g")).containsExactly("h");
    nextSecond();
    SyncToken token = token();
    nextSecond();
    admin.modify("cn=h," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.DELETE, "member", "cn=g," + InMemoryLdap.GROUPS));
    MembersSink sink = groupChanges(token);
    assertThat(sink.recorded.groups())
        .filteredOn(x -> x.name().equals("g"))
        .singleElement()
        .satisfies(x -> assertThat(x.parentGroupIds()).isEmpty());
  }

  @Test
  void theReturnedTokenStartsTheNextRead() throws Exception {
    nextSecond();
    SyncToken first = token();
    nextSecond();
    admin.modify(
        "uid=bob," + InMemoryLdap.PEOPLE,
        new Modification(ModificationType.REPLACE, "sn", "Brewer"));
    nextSecond();
    SyncToken second;
    try (LdapSource source = Fixtures.open(settings(24))) {
      second = source.readChanges(EntryKind.USER, first, new RecordingSink());
    }
    nextSecond();
    admin.modify(
        "uid=cat," + InMemoryLdap.PEOPLE,
        new Modification(ModificationType.REPLACE, "sn", "Cooper"));
    assertThat(changes(EntryKind.USER, second, Clock.systemUTC()).usersByLogin())
        .containsOnlyKeys("cat");
  }

  @Test
  void aTokenOlderThanTheFullReconcilePeriodAsksForAFullSync() {
    SyncToken token = token();
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(25));
    assertThatThrownBy(() -> changes(EntryKind.USER, token, later))
        .isInstanceOf(FullSyncRequiredException.class)
        .hasMessageStartingWith("full reconcile due");
  }

  @Test
  void foreignTokensAskForAFullSync() {
    assertThatThrownBy(
            () ->
                changes(
                    EntryKind.USER,
                    new SyncToken("ldap1|activeDirectory|x|1|1|-"),
                    Clock.systemUTC()))
        .isInstanceOf(FullSyncRequiredException.class);
  }
}
