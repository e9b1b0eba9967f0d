package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;
import org.roster.connector.api.UserFields;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.testkit.RecordingSink;

/** Incremental reads: changes, deletions, membership, the overlap window, the full reconcile. */
class IncrementalTest {
  private final TestOrg org = new TestOrg().with("overlapSeconds", 0);
  private final FakeOkta okta = org.okta;
  private String staff;
  private String sales;
  private String ann;
  private String bob;
  private String cid;

  /** What a run's group and user increments saw, and the token the user increment returned. */
  private record Increment(
      RecordingSink groups,
      Map<String, Set<String>> members,
      RecordingSink users,
      SyncToken token) {}

  @BeforeEach
  void seed() {
    staff = okta.addGroup("Staff");
    sales = okta.addGroup("Sales");
    ann = org.user("ann", "Ann", "Lee", staff);
    bob = org.user("bob", "Bob", "Ek", staff, sales);
    cid = org.user("cid", "Cid", "Moe");
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private SyncToken currentToken() {
    try (OktaSource source = org.open()) {
      return source.currentToken();
    }
  }

  /** A run's increment as the engine makes it: groups, then users, on one source. */
  private Increment increment(SyncToken since) {
    try (OktaSource source = org.open()) {
      MembersSink groups = new MembersSink();
      SyncToken fromGroups = source.readChanges(EntryKind.GROUP, since, groups);
      RecordingSink users = new RecordingSink();
      SyncToken token = source.readChanges(EntryKind.USER, since, users);
      assertThat(token).as("both kinds return the same token").isEqualTo(fromGroups);
      return new Increment(groups.recording(), groups.members(), users, token);
    }
  }

  @Test
  void nothingChangedReadsNothing() {
    Increment run = increment(currentToken());
    assertThat(run.groups().entries()).isEmpty();
    assertThat(run.users().entries()).isEmpty();
    assertThat(run.groups().deletions()).isEmpty();
    assertThat(run.members()).isEmpty();
  }

  @Test
  void aChangedUserComesWithAllItsGroups() {
    SyncToken token = currentToken();
    okta.updateProfile(bob, Map.of("title", "Lead"));
    Increment run = increment(token);
    assertThat(run.users().usersByLogin()).containsOnlyKeys("bob");
    SourceUser read = run.users().usersByLogin().get("bob");
    assertThat(read.attribute(UserFields.TITLE)).isEqualTo("Lead");
    assertThat(read.groupIds()).containsExactlyInAnyOrder(staff, sales);
    assertThat(okta.requests("/api/v1/users").get(0).query().get("search"))
        .startsWith("lastUpdated gt \"");
  }

  @Test
  void aDeprovisionedUserIsDeletedAndAStatusChangeIsRead() {
    SyncToken token = currentToken();
    okta.setStatus(ann, "DEPROVISIONED");
    okta.setStatus(cid, "SUSPENDED");
    Increment run = increment(token);
    assertThat(run.users().deleted(EntryKind.USER)).containsExactly(ann);
    assertThat(run.users().usersByLogin()).containsOnlyKeys("cid");
    assertThat(run.users().usersByLogin().get("cid").enabled()).isFalse();
  }

  @Test
  void aJoinerComesOutOfTheUserIncrementWithItsNewGroup() {
    SyncToken token = currentToken();
    okta.addMember(sales, cid);
    Increment run = increment(token);
    assertThat(run.members()).containsOnlyKeys(sales);
    assertThat(run.members().get(sales)).containsExactlyInAnyOrder(bob, cid);
    assertThat(run.users().usersByLogin()).containsKey("cid");
    assertThat(run.users().usersByLogin().get("cid").groupIds()).containsExactly(sales);
    assertThat(run.groups().groups()).as("the group itself did not change").isEmpty();
  }

  @Test
  void aLeaverIsFoundFromTheMembersAndReadAgainWithoutTheGroup() {
    SyncToken token = currentToken();
    okta.removeMember(sales, bob);
    Increment run = increment(token);
    assertThat(run.members()).containsEntry(sales, Set.of());
    RecordingSink again = new RecordingSink();
    try (OktaSource source = org.open()) {
      source.readUsers(List.of(bob, ann), again);
    }
    assertThat(again.usersByLogin()).containsOnlyKeys("bob", "ann");
    assertThat(again.usersByLogin().get("bob").groupIds()).containsExactly(staff);
  }

  @Test
  void readingUsersAgainLeavesOutTheGoneAndTheDeprovisioned() {
    okta.setStatus(ann, "DEPROVISIONED");
    okta.deleteUser(cid);
    RecordingSink again = new RecordingSink();
    try (OktaSource source = org.open()) {
      source.readUsers(List.of(ann, bob, cid), again);
    }
    assertThat(again.usersByLogin()).containsOnlyKeys("bob");
    assertThat(again.rejections()).isEmpty();
  }

  @Test
  void manyUsersAreGivenTheirGroupsFromOneReadOfAllMembers() {
    String[] more = new String[5];
    for (int i = 0; i < more.length; i++) {
      more[i] = org.user("u" + i, "U", "Ser", sales);
    }
    okta.clearRequests();
    RecordingSink again = new RecordingSink();
    try (OktaSource source = org.open()) {
      source.readUsers(List.of(more), again);
    }
    assertThat(again.users()).hasSize(5).allMatch(u -> u.groupIds().equals(Set.of(sales)));
    long perUser =
        okta.requests().stream().filter(r -> r.path().endsWith("/groups")).count()
            - okta.requests("/api/v1/groups").size();
    assertThat(perUser).as("per-user group look-ups before switching").isEqualTo(2);
    assertThat(okta.requests("/api/v1/groups/" + staff + "/users")).hasSize(1);
    assertThat(okta.requests("/api/v1/groups/" + sales + "/users")).hasSize(1);
  }

  @Test
  void groupChangesAndDeletionsAreRead() {
    SyncToken token = currentToken();
    okta.renameGroup(staff, "Everybody at work");
    okta.deleteGroup(sales);
    String fresh = okta.addGroup("New");
    okta.addMember(fresh, ann);
    Increment run = increment(token);
    assertThat(run.groups().groups())
        .extracting(SourceGroup::name)
        .containsExactlyInAnyOrder("Everybody at work", "New");
    assertThat(run.groups().deleted(EntryKind.GROUP)).containsExactly(sales);
    assertThat(run.members()).containsEntry(fresh, Set.of(ann));
    assertThat(run.users().usersByLogin().get("ann").groupIds())
        .containsExactlyInAnyOrder(staff, fresh);
  }

  @Test
  void theTokenOfTheUserIncrementCarriesTheGroupsToo() {
    SyncToken first = currentToken();
    okta.updateProfile(ann, Map.of("title", "Lead"));
    SyncToken second = increment(first).token();
    okta.deleteGroup(sales);
    okta.updateProfile(cid, Map.of("title", "Intern"));
    Increment run = increment(second);
    assertThat(run.users().usersByLogin()).containsOnlyKeys("cid");
    assertThat(run.groups().deleted(EntryKind.GROUP)).containsExactly(sales);
  }

  @Test
  void theOverlapWindowReadsRecentChangesAgain() {
    SyncToken token = currentToken();
    Instant watermark = okta.clock().instant();
    Instant longAgo = watermark.minusSeconds(300);
    okta.setLastUpdated(cid, watermark.minusSeconds(60));
    okta.setLastUpdated(ann, longAgo);
    okta.setLastUpdated(bob, longAgo);
    okta.setGroupTimes(staff, longAgo, longAgo);
    okta.setGroupTimes(sales, longAgo, longAgo);
    org.with("overlapSeconds", 120);
    assertThat(increment(token).users().usersByLogin()).containsOnlyKeys("cid");
    org.with("overlapSeconds", 30);
    assertThat(increment(token).users().usersByLogin()).isEmpty();
  }

  @Test
  void aFullReconcileIsDueAfterFullReconcileHours() {
    SyncToken token = currentToken();
    Clock later = Clock.offset(org.clock, Duration.ofHours(25));
    try (OktaSource source = org.open(later)) {
      assertThatThrownBy(() -> source.readChanges(EntryKind.GROUP, token, new RecordingSink()))
          .isInstanceOf(FullSyncRequiredException.class)
          .hasMessageContaining("full reconcile due")
          .hasMessageContaining("fullReconcileHours");
    }
    org.with("fullReconcileHours", 0);
    try (OktaSource source = org.open(later)) {
      assertThat(source.readChanges(EntryKind.USER, token, new RecordingSink())).isNotNull();
    }
  }

  @Test
  void aTokenOfAnotherScopeOrOrgAsksForAFullSync() {
    SyncToken token = currentToken();
    org.with("groupsFilter", "(name=Staff)");
    try (OktaSource source = org.open()) {
      assertThatThrownBy(() -> source.readChanges(EntryKind.USER, token, new RecordingSink()))
          .isInstanceOf(FullSyncRequiredException.class)
          .hasMessageContaining("another org URL, groups or users filter");
    }
    String damaged = token.value().replaceFirst("\\|[0-9]+\\|", "|soon|");
    org.without("groupsFilter");
    try (OktaSource source = org.open()) {
      assertThatThrownBy(
              () -> source.readChanges(EntryKind.USER, new SyncToken(damaged), new RecordingSink()))
          .isInstanceOf(FullSyncRequiredException.class)
          .hasMessageContaining("damaged");
    }
  }

  @Test
  void aUserChangedOutOfTheUsersFilterReadsAsDeleted() {
    okta.updateProfile(ann, Map.of("department", "Sales"));
    okta.updateProfile(bob, Map.of("department", "Sales"));
    org.with("usersFilter", "(department=Sales)");
    SyncToken token = currentToken();
    okta.updateProfile(ann, Map.of("department", "Support"));
    okta.updateProfile(bob, Map.of("title", "Lead"));
    okta.addMember(sales, cid);
    Increment run = increment(token);
    assertThat(run.users().usersByLogin()).containsOnlyKeys("bob");
    assertThat(run.users().deleted(EntryKind.USER)).containsExactly(ann);
  }
}
