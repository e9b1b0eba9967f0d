package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;
import org.roster.connector.api.UserFields;
import org.roster.connector.testkit.RecordingSink;

/**
 * Delta queries against the fake Graph, read the way the engine does: groups, then users, on one
 * source with the same saved token.
 */
class IncrementalTest {
  private final TestTenant tenant = new TestTenant();
  private String alice;
  private String bob;
  private String carol;
  private String engineering;
  private String sales;

  @BeforeEach
  void seed() {
    tenant.entra.pageSize(2);
    alice = tenant.user("alice");
    bob = tenant.user("bob");
    carol = tenant.user("carol");
    engineering = tenant.group("Engineering", alice, bob);
    sales = tenant.group("Sales", carol);
  }

  @AfterEach
  void close() {
    tenant.close();
  }

  /** What one incremental run read. */
  private record Increment(RecordingSink groups, RecordingSink users, SyncToken token) {}

  private SyncToken token() {
    try (AzureSource source = tenant.open()) {
      return source.currentToken();
    }
  }

  private Increment increment(SyncToken since) {
    try (AzureSource source = tenant.open()) {
      RecordingSink groups = new RecordingSink();
      source.readChanges(EntryKind.GROUP, since, groups);
      RecordingSink users = new RecordingSink();
      SyncToken next = source.readChanges(EntryKind.USER, since, users);
      return new Increment(groups, users, next);
    }
  }

  @Test
  void theTokenIsTakenWithDeltatokenLatestReadingNoData() {
    SyncToken token = token();
    assertThat(tenant.entra.requests("GET /v1.0/users/delta"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("$deltatoken=latest").contains("accountEnabled"));
    assertThat(tenant.entra.requests("GET /v1.0/groups/delta"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("$deltatoken=latest").contains("members"));
    assertThat(tenant.entra.requests("GET /v1.0/users?")).isEmpty();
    assertThat(token.value())
        .startsWith("azure1|" + tenant.entra.graphUrl() + "/users/delta?")
        .contains("|" + tenant.entra.graphUrl() + "/groups/delta?");
    Increment nothing = increment(token);
    assertThat(nothing.groups().entries()).isEmpty();
    assertThat(nothing.users().entries()).isEmpty();
    assertThat(nothing.users().deletions()).isEmpty();
  }

  @Test
  void renamedDisabledAndDeletedUsers() {
    SyncToken token = token();
    tenant.directory().updateUser(alice, Map.of("userPrincipalName", "alice.archer"));
    tenant.directory().updateUser(bob, Map.of("accountEnabled", false));
    tenant.directory().deleteUser(carol);
    Increment changes = increment(token);
    assertThat(changes.users().usersByLogin())
        .containsOnlyKeys("alice.archer", "bob@contoso.example");
    SourceUser renamed = changes.users().usersByLogin().get("alice.archer");
    assertThat(renamed.externalId()).isEqualTo(alice);
    assertThat(renamed.attribute(UserFields.EMAIL)).isEqualTo("alice@contoso.example");
    assertThat(renamed.groupIds()).containsExactly(engineering);
    SourceUser disabled = changes.users().usersByLogin().get("bob@contoso.example");
    assertThat(disabled.enabled()).isFalse();
    assertThat(disabled.attribute(UserFields.GIVEN_NAME)).as("read again in full").isEqualTo("Bob");
    assertThat(changes.users().deleted(EntryKind.USER)).containsExactly(carol);
    assertThat(changes.groups().entries()).isEmpty();
    assertThat(changes.groups().deletions()).isEmpty();
  }

  @Test
  void usersWhoseMembershipChangedComeOutOfTheUserReadWithTheirGroups() {
    SyncToken token = token();
    tenant.directory().addMember(sales, alice);
    tenant.directory().removeMember(engineering, bob);
    Increment changes = increment(token);
    assertThat(changes.groups().entries()).as("no group changed itself").isEmpty();
    assertThat(changes.users().usersByLogin())
        .containsOnlyKeys("alice@contoso.example", "bob@contoso.example");
    assertThat(changes.users().usersByLogin().get("alice@contoso.example").groupIds())
        .containsExactlyInAnyOrder(engineering, sales);
    assertThat(changes.users().usersByLogin().get("bob@contoso.example").groupIds()).isEmpty();
    Increment again = increment(changes.token());
    assertThat(again.users().entries()).as("the token carries the groups' new link").isEmpty();
  }

  @Test
  void theTokenOfAUserReadAloneKeepsTheGroupsLink() {
    SyncToken token = token();
    tenant.directory().addMember(sales, alice);
    SyncToken afterUsers;
    try (AzureSource source = tenant.open()) {
      afterUsers = source.readChanges(EntryKind.USER, token, new RecordingSink());
    }
    assertThat(afterUsers.value().split("\\|")[2]).isEqualTo(token.value().split("\\|")[2]);
    Increment later = increment(afterUsers);
    assertThat(later.users().usersByLogin().get("alice@contoso.example").groupIds())
        .containsExactlyInAnyOrder(engineering, sales);
  }

  @Test
  void renamedNewAndDeletedGroups() {
    String all = tenant.group("All", engineering);
    SyncToken token = token();
    tenant.directory().updateGroup(engineering, Map.of("displayName", "R&D"));
    String contractors = tenant.group("Contractors", bob);
    tenant.directory().deleteGroup(sales);
    Increment changes = increment(token);
    assertThat(changes.groups().groups())
        .extracting(SourceGroup::externalId, SourceGroup::name)
        .containsExactlyInAnyOrder(tuple(engineering, "R&D"), tuple(contractors, "Contractors"));
    assertThat(changes.groups().groups())
        .filteredOn(g -> g.externalId().equals(engineering))
        .singleElement()
        .satisfies(g -> assertThat(g.parentGroupIds()).containsExactly(all));
    assertThat(changes.groups().deleted(EntryKind.GROUP)).containsExactly(sales);
    assertThat(changes.users().usersByLogin().get("bob@contoso.example").groupIds())
        .containsExactlyInAnyOrder(engineering, contractors);
  }

  @Test
  void aGroupRenamedOutOfTheFilterReadsAsDeleted() {
    tenant.with("groupsFilter", "(displayName=S*)");
    SyncToken token = token();
    tenant.directory().updateGroup(sales, Map.of("displayName", "Former sales"));
    Increment changes = increment(token);
    assertThat(changes.groups().entries()).isEmpty();
    assertThat(changes.groups().deleted(EntryKind.GROUP)).containsExactly(sales);
  }

  @Test
  void aUserChangedOutOfTheUsersFilterReadsAsDeleted() {
    tenant.with("usersFilter", "(accountEnabled=TRUE)");
    SyncToken token = token();
    tenant.directory().updateUser(alice, Map.of("accountEnabled", false));
    tenant.directory().updateUser(bob, Map.of("surname", "Brewer"));
    Increment changes = increment(token);
    assertThat(changes.users().usersByLogin()).containsOnlyKeys("bob@contoso.example");
    assertThat(changes.users().deleted(EntryKind.USER)).containsExactly(alice);
    assertThat(tenant.entra.requests("GET /v1.0/users/delta?$select="))
        .anyMatch(r -> r.contains("accountEnabled"));
  }

  @Test
  void nestingChangesAmongTheProfilesGroupsAskForAFullSync() {
    SyncToken token = token();
    tenant.directory().addMember(engineering, sales);
    assertThatThrownBy(() -> increment(token))
        .isInstanceOf(FullSyncRequiredException.class)
        .hasMessageContaining("group " + sales + " was added to group " + engineering);
  }

  @Test
  void nestingChangesOutsideTheProfilesGroupsDoNot() {
    tenant.with("groups", List.of("Engineering"));
    String other = tenant.group("Other");
    SyncToken token = token();
    tenant.directory().addMember(other, sales);
    tenant.directory().addMember(sales, alice);
    Increment changes = increment(token);
    assertThat(changes.users().entries()).as("Sales is not synchronized").isEmpty();
  }

  @Test
  void withNestedGroupsAnyNestingBelowTheProfilesGroupsAsksForAFullSync() {
    tenant.with("groups", List.of("Engineering")).with("nestedGroups", true);
    String team = tenant.group("Team");
    tenant.directory().addMember(engineering, team);
    String squad = tenant.group("Squad", carol);
    SyncToken token = token();
    tenant.directory().addMember(team, squad);
    assertThatThrownBy(() -> increment(token))
        .isInstanceOf(FullSyncRequiredException.class)
        .hasMessageContaining("was added to group " + team);
  }

  @Test
  void withNestedGroupsMembersOfNestedGroupsAreReadAgainWithTransitiveGroups() {
    tenant.with("groups", List.of("Engineering")).with("nestedGroups", true);
    String team = tenant.group("Team");
    tenant.directory().addMember(engineering, team);
    SyncToken token = token();
    tenant.directory().addMember(team, carol);
    Increment changes = increment(token);
    assertThat(changes.users().usersByLogin().get("carol@contoso.example").groupIds())
        .containsExactly(engineering);
    assertThat(tenant.entra.requests("GET /v1.0/users/" + carol + "/transitiveMemberOf"))
        .isNotEmpty();
  }

  @Test
  void anExpiredDeltaLinkAsksForAFullSyncSayingWhy() {
    SyncToken token = token();
    tenant.entra.expireDeltaTokens(410);
    assertThatThrownBy(() -> increment(token))
        .isInstanceOf(FullSyncRequiredException.class)
        .hasMessageContaining("read group changes")
        .hasMessageContaining("410 syncStateNotFound")
        .hasMessageContaining("full sync");
    SyncToken fresh = token();
    tenant.entra.expireDeltaTokens(400);
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readChanges(EntryKind.USER, fresh, new RecordingSink()))
          .isInstanceOf(FullSyncRequiredException.class)
          .hasMessageContaining("read user changes")
          .hasMessageContaining("400 syncStateNotFound");
    }
  }

  @Test
  void aTokenOfAnotherGraphAsksForAFullSync() {
    SyncToken foreign =
        new SyncToken(
            "azure1|https://graph.microsoft.com/v1.0/users/delta?$deltatoken=x"
                + "|https://graph.microsoft.com/v1.0/groups/delta?$deltatoken=y");
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readChanges(EntryKind.GROUP, foreign, new RecordingSink()))
          .isInstanceOf(FullSyncRequiredException.class)
          .hasMessageContaining("graphUrl");
    }
    assertThat(tenant.entra.requests()).as("no token sent anywhere").isEmpty();
  }
}
