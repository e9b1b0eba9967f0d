package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/** The domain rules of DESIGN.md, each proven through a whole run of the engine. */
class SyncRulesTest {

  @Test
  void rule3_createsUnknownUsersActiveWithASeat() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().group("g1", "Sales").user("u1", "ann", "g1").user("u2", "bob");

    SyncRun run = f.run();

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.counts().get(EntryOutcome.CREATED)).isEqualTo(2);
    User ann = f.user("u1");
    assertThat(ann.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(ann.seat()).isTrue();
    assertThat(ann.attribute("email")).isEqualTo("ann@example.org");
    assertThat(f.stores.users.groupIdsOf(List.of(ann.id())).get(ann.id())).hasSize(1);
    assertThat(run.summary()).isEqualTo("2 imported, 0 updated, 0 disabled, 0 deleted, 0 blocked, 0 released, 0 conflicts, 0 failed");
  }

  @Test
  void rule3_newUsersStayInactiveWhenEnableAfterImportIsOff() {
    EngineFixture f = new EngineFixture(Policies.notEnabledAfterImport());
    f.source().user("u1", "ann");
    f.run();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.INACTIVE);
    assertThat(f.user("u1").inactiveReason()).isEqualTo(InactiveReason.NOT_ENABLED_ON_IMPORT);
    assertThat(f.user("u1").seat()).isFalse();
  }

  @Test
  void rule1_and_rule5_aRenameUpdatesTheSameRecord() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann");
    f.run();
    UUID id = f.user("u1").id();

    f.source().user("u1", "ann.smith");
    SyncRun run = f.run();

    assertThat(f.user("u1").id()).isEqualTo(id);
    assertThat(f.user("u1").login()).isEqualTo("ann.smith");
    assertThat(f.stores.db.users).hasSize(1);
    assertThat(run.counts().get(EntryOutcome.UPDATED)).isEqualTo(1);
    assertThat(f.stores.audit.all()).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("renamed");
      assertThat(e.before()).containsEntry("login", "ann");
      assertThat(e.after()).containsEntry("login", "ann.smith");
      assertThat(e.runId()).isEqualTo(run.id());
      assertThat(e.actor()).isEqualTo("profile:corp");
    });
  }

  @Test
  void rule4_anUnchangedEntryWritesNothing() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().group("g1", "Sales").user("u1", "ann", "g1").user("u2", "bob");
    f.run();
    Map<UUID, User> before = Map.copyOf(f.stores.db.users);
    int auditBefore = f.stores.db.audit.size();

    SyncRun run = f.run();

    assertThat(run.counts().get(EntryOutcome.UNCHANGED)).isEqualTo(2);
    assertThat(f.stores.db.users).isEqualTo(before);
    assertThat(f.stores.db.audit).hasSize(auditBefore);
    assertThat(f.report(run)).isEmpty();
  }

  @Test
  void rule4_onlyChangedFieldsAreAudited() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann", true, Map.of("email", "ann@x.org", "title", "Clerk"));
    f.run();
    f.source().user("u1", "ann", true, Map.of("email", "ann@x.org", "title", "Manager"));
    SyncRun run = f.run();

    AuditEvent e = f.stores.audit.all().stream().filter(x -> run.id().equals(x.runId())
        && x.category() == AuditCategory.USER).findFirst().orElseThrow();
    assertThat(e.before()).isEqualTo(Map.of("title", "Clerk"));
    assertThat(e.after()).isEqualTo(Map.of("title", "Manager"));
    assertThat(f.report(run)).singleElement().satisfies(r -> assertThat(r.detail()).isEqualTo("title: Clerk → Manager"));
  }

  @Test
  void rule6_disabledInTheSourceDeactivatesAndFreesTheSeat_enabledReactivates() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();

    f.source().user("u1", "ann", false, Map.of("email", "ann@example.org"));
    SyncRun off = f.run();
    assertThat(off.counts().get(EntryOutcome.DISABLED)).isEqualTo(1);
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.INACTIVE);
    assertThat(f.user("u1").inactiveReason()).isEqualTo(InactiveReason.DISABLED_IN_SOURCE);
    assertThat(f.user("u1").seat()).isFalse();
    assertThat(f.stores.licences.pool().used()).isEqualTo(1);

    f.source().user("u1", "ann", true, Map.of("email", "ann@example.org"));
    SyncRun on = f.run();
    assertThat(on.counts().get(EntryOutcome.REACTIVATED)).isEqualTo(1);
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.user("u1").seat()).isTrue();
  }

  @Test
  void rule6_aUserAnAdminDeactivatedIsNotReactivatedBySync() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann");
    f.run();
    User u = f.user("u1");
    f.stores.db.users.put(u.id(), u.withSeat(false).withStatus(UserStatus.INACTIVE, InactiveReason.BY_ADMIN, Instant.now()));
    f.source().user("u1", "ann", true, Map.of("email", "new@example.org"));
    f.run();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.INACTIVE);
    assertThat(f.user("u1").attribute("email")).isEqualTo("new@example.org");
  }

  @Test
  void rule7_groupsOnly_leavingEveryGroupDeactivatesAndRemovesRoles_comingBackRestores() {
    EngineFixture f = new EngineFixture(Policies.groupsOnly());
    f.source().group("g1", "Sales").user("u1", "ann", "g1").user("u2", "bob", "g1");
    f.run();
    Role sales = bind(f, "Sales", "g1");
    f.run(); // the binding changed the fingerprint: members get the role
    User ann = f.user("u1");
    assertThat(f.stores.roles.syncedRoleIdsOf(List.of(ann.id())).get(ann.id())).containsExactly(sales.id());

    f.source().user("u1", "ann");
    SyncRun out = f.run();
    assertThat(out.counts().get(EntryOutcome.DISABLED)).isEqualTo(1);
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.INACTIVE);
    assertThat(f.user("u1").inactiveReason()).isEqualTo(InactiveReason.OUT_OF_GROUPS);
    assertThat(f.stores.roles.syncedRoleIdsOf(List.of(ann.id()))).doesNotContainKey(ann.id());

    f.source().user("u1", "ann", "g1");
    f.run();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.stores.roles.syncedRoleIdsOf(List.of(ann.id())).get(ann.id())).containsExactly(sales.id());
  }

  @Test
  void rule2_withRequiredMembershipNonMembersAreNotCreated() {
    EngineFixture f = new EngineFixture(Policies.groupsOnly("Sales"));
    f.source().group("g1", "Sales").group("g2", "Other").user("u1", "ann", "g1").user("u2", "bob", "g2").user("u3", "cy");
    SyncRun run = f.run();
    assertThat(f.stores.db.users).hasSize(1);
    assertThat(run.counts().get(EntryOutcome.SKIPPED)).isEqualTo(2);
    assertThat(f.report(run)).anySatisfy(e -> assertThat(e.detail()).isEqualTo("not a member of any synchronized group"));
  }

  @Test
  void rule2_and_rule12_nestedMembershipCountsForScopeAndRoles() {
    EngineFixture f = new EngineFixture(Policies.groupsOnly("All staff"));
    f.source().group("all", "All staff").group("sales", "Sales", "all").group("emea", "Sales EMEA", "sales")
        .user("u1", "ann", "emea");
    Role staff = bind(f, "All staff", null);
    f.run();
    Role bound = staff.boundTo(java.util.Set.of(f.stores.groups.findByProfile(f.profile.id()).stream()
        .filter(g -> g.externalId().equals("all")).findFirst().orElseThrow().id()));
    f.stores.roles.save(bound);
    f.run();
    User ann = f.user("u1");
    assertThat(ann.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.stores.roles.syncedRoleIdsOf(List.of(ann.id())).get(ann.id())).containsExactly(staff.id());
  }

  @Test
  void rule2_nestedGroupCyclesDoNotHang() {
    EngineFixture f = new EngineFixture(Policies.groupsOnly("A"));
    f.source().group("a", "A", "b").group("b", "B", "a").user("u1", "ann", "b");
    SyncRun run = f.run();
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
  }

  @Test
  void rule5_aRenamedGroupRenamesItsBoundRole() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().group("g1", "Sales").user("u1", "ann", "g1");
    f.run();
    Role role = bind(f, "Sales", "g1");
    f.source().groups.clear();
    f.source().group("g1", "Sales & Marketing");
    f.run();
    assertThat(f.stores.roles.find(role.id()).orElseThrow().name()).isEqualTo("Sales & Marketing");
    assertThat(f.stores.groups.findByProfile(f.profile.id())).singleElement()
        .satisfies(g -> assertThat(g.name()).isEqualTo("Sales & Marketing"));
  }

  @Test
  void rule8_deletedInTheSourceIsKeptAsDeletedWithoutSeatOrGroups() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().group("g1", "Sales").user("u1", "ann", "g1").user("u2", "bob");
    f.run();
    f.source().remove("u1");
    SyncRun run = f.run();
    User ann = f.user("u1");
    assertThat(run.counts().get(EntryOutcome.DELETED)).isEqualTo(1);
    assertThat(ann.status()).isEqualTo(UserStatus.DELETED);
    assertThat(ann.seat()).isFalse();
    assertThat(ann.status().canLogin()).isFalse();
    assertThat(f.stores.users.groupIdsOf(List.of(ann.id()))).isEmpty();
  }

  @Test
  void rule8_protectedUsersAreNeverDeletedAndTheRunSaysWhy() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "owner").user("u2", "bob");
    f.run();
    User owner = f.user("u1");
    f.stores.db.users.put(owner.id(), owner.withProtected(true, Instant.now()));
    f.source().remove("u1");
    SyncRun run = f.run();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.report(run)).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo(EntryOutcome.SKIPPED);
      assertThat(e.detail()).startsWith("protected user: not deleted");
    });
  }

  @Test
  void rule9_aLoginTakenByALocalUserIsAConflict() {
    EngineFixture f = new EngineFixture(Policies.open());
    User local = User.local(UUID.randomUUID(), "Ann", Map.of(), Instant.now());
    f.stores.users.insertAll(List.of(local));
    f.source().user("u1", "ann").user("u2", "bob");
    SyncRun run = f.run();
    assertThat(run.counts().get(EntryOutcome.CONFLICT)).isEqualTo(1);
    assertThat(f.report(run)).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo(EntryOutcome.CONFLICT);
      assertThat(e.detail()).isEqualTo("username 'ann' already exists as an internal user");
    });
    assertThat(f.stores.users.find(local.id()).orElseThrow()).isEqualTo(local);
    assertThat(f.stores.db.users).hasSize(2);
  }

  @Test
  void rule10_anExcludedUserIsNeverOverwritten() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann");
    f.run();
    User ann = f.user("u1");
    f.stores.exclusions.add("USER", ann.id());
    f.source().user("u1", "ann", false, Map.of("email", "changed@example.org"));
    SyncRun run = f.run();
    assertThat(f.user("u1")).isEqualTo(ann);
    assertThat(f.report(run)).singleElement().satisfies(e -> assertThat(e.detail()).contains("excluded"));
  }

  @Test
  void rule11_aFullPoolBlocksNewUsersAndFreedSeatsReleaseThemFirstComeFirstServed() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.stores.licences.setLimit(Optional.of(2));
    f.source().user("u1", "ann").user("u2", "bob").user("u3", "cy");
    SyncRun first = f.run();
    assertThat(first.counts().get(EntryOutcome.BLOCKED)).isEqualTo(1);
    assertThat(f.user("u3").status()).isEqualTo(UserStatus.BLOCKED);
    f.source().user("u4", "dee");
    f.run();
    assertThat(f.user("u4").status()).isEqualTo(UserStatus.BLOCKED);

    f.source().remove("u1");
    SyncRun freed = f.run();
    assertThat(freed.counts().get(EntryOutcome.RELEASED)).isEqualTo(1);
    assertThat(f.user("u3").status()).isEqualTo(UserStatus.ACTIVE); // blocked first
    assertThat(f.user("u4").status()).isEqualTo(UserStatus.BLOCKED);
    assertThat(f.stores.licences.pool().used()).isEqualTo(2);
  }

  @Test
  void rule11_aBlockedUserDisabledInTheSourceLeavesTheQueue() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.stores.licences.setLimit(Optional.of(1));
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();
    f.source().user("u2", "bob", false, Map.of());
    f.source().remove("u1");
    f.run();
    assertThat(f.user("u2").status()).isEqualTo(UserStatus.INACTIVE);
    assertThat(f.stores.users.blockedQueue(10)).isEmpty();
  }

  @Test
  void rule13_aSourceFailingMidReadAppliesNothing() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann").user("u2", "bob").user("u3", "cy");
    f.run();
    Map<UUID, User> before = Map.copyOf(f.stores.db.users);
    f.source().user("u1", "ann.renamed").user("u4", "dee");
    f.source().failAfterUsers = 2;
    SyncRun run = f.run();
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).contains("connection to fake directory lost").contains("nothing was applied");
    assertThat(run.counts().entriesRead()).isEqualTo(2);
    assertThat(f.stores.db.users).isEqualTo(before);
  }

  @Test
  void rule13_overTheThresholdTheRunStopsAppliesNothingAndAConfirmationAppliesIt() {
    EngineFixture f = new EngineFixture(Policies.withThreshold(10, 500));
    for (int i = 0; i < 20; i++) {
      f.source().user("u" + i, "user" + i);
    }
    f.run();
    Map<UUID, User> before = Map.copyOf(f.stores.db.users);
    f.source().remove("u0").remove("u1").remove("u2");
    f.source().user("u5", "renamed5");

    SyncRun tripped = f.run();
    assertThat(tripped.status()).isEqualTo(RunStatus.NEEDS_CONFIRMATION);
    assertThat(tripped.error()).contains("would disable or delete 3 of 20 users; the threshold is 2");
    assertThat(f.stores.db.users).isEqualTo(before);
    assertThat(f.report(tripped)).hasSize(4); // the plan: 3 deletions, 1 rename

    f.runs.confirm(tripped.id(), "admin:alice");
    SyncRun confirmed = f.stores.runs.find(tripped.id()).orElseThrow();
    assertThat(confirmed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(confirmed.confirmedBy()).isEqualTo("admin:alice");
    assertThat(f.user("u0").status()).isEqualTo(UserStatus.DELETED);
    assertThat(f.user("u5").login()).isEqualTo("renamed5");
  }

  @Test
  void rule13_aConfirmedRunThatWouldNowTakeAwayMoreStopsAgain() {
    EngineFixture f = new EngineFixture(Policies.withThreshold(10, 500));
    for (int i = 0; i < 20; i++) {
      f.source().user("u" + i, "user" + i);
    }
    f.run();
    f.source().remove("u0").remove("u1").remove("u2");
    SyncRun tripped = f.run();
    f.source().remove("u3");
    f.runs.confirm(tripped.id(), "admin:alice");
    SyncRun again = f.stores.runs.find(tripped.id()).orElseThrow();
    assertThat(again.status()).isEqualTo(RunStatus.NEEDS_CONFIRMATION);
    assertThat(f.user("u0").status()).isEqualTo(UserStatus.ACTIVE);
  }

  @Test
  void rule13_aDryRunReportsThePlanAndAppliesNothing() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann").user("u2", "bob");
    SyncRun dry = f.run(org.roster.domain.sync.RunMode.DRY_RUN);
    assertThat(dry.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(dry.counts().get(EntryOutcome.CREATED)).isEqualTo(2);
    assertThat(f.report(dry)).hasSize(2);
    assertThat(f.stores.db.users).isEmpty();
    assertThat(f.stores.db.audit).isEmpty();
    SyncRun real = f.run();
    assertThat(real.counts().get(EntryOutcome.CREATED)).isEqualTo(2);
  }

  @Test
  void rule13_aRejectedEntryWithAKnownIdIsNotDeleted() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();
    f.source().remove("u1");
    f.source().reject("line 2", "u1", "invalid email 'ann@'");
    SyncRun run = f.run();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(run.counts().get(EntryOutcome.FAILED)).isEqualTo(1);
    assertThat(f.report(run)).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("line 2");
      assertThat(e.detail()).isEqualTo("invalid email 'ann@'");
    });
  }

  @Test
  void anEntryTheDomainRefusesFailsAloneAndTheRestApplies() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "x".repeat(300)).user("u2", "bob");
    SyncRun run = f.run();
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.counts().get(EntryOutcome.FAILED)).isEqualTo(1);
    assertThat(f.user("u2").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.report(run)).filteredOn(e -> e.outcome() == EntryOutcome.FAILED).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("'login' must be at most 256 characters"));
  }

  @Test
  void rule14_eachRunEndsWithOneSummaryAuditEvent() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann");
    SyncRun run = f.run();
    assertThat(f.stores.audit.all()).filteredOn(e -> e.category() == AuditCategory.RUN && run.id().equals(e.runId()))
        .singleElement().satisfies(e -> assertThat(e.detail()).startsWith("1 imported, 0 updated"));
  }

  @Test
  void scope_inclusionAndExclusionRulesInLdapFilterSyntax() {
    EngineFixture f = new EngineFixture(Policies.rules(List.of("(email=*@corp.com)"), List.of("(title=contractor*)")));
    f.source().user("u1", "ann", true, Map.of("email", "ann@corp.com"))
        .user("u2", "bob", true, Map.of("email", "bob@gmail.com"))
        .user("u3", "cy", true, Map.of("email", "cy@corp.com", "title", "Contractor (IT)"));
    f.run();
    assertThat(f.stores.db.users.values()).extracting(User::login).containsExactly("ann");
  }

  @Test
  void aSecondRunOfTheSameProfileIsRefusedWhileOneWaitsForConfirmation() {
    EngineFixture f = new EngineFixture(Policies.withThreshold(10, 0));
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();
    f.source().remove("u1");
    SyncRun tripped = f.run();
    assertThat(tripped.status()).isEqualTo(RunStatus.NEEDS_CONFIRMATION);
    org.assertj.core.api.Assertions.assertThatThrownBy(f::run)
        .isInstanceOf(org.roster.application.port.in.ConflictException.class)
        .hasMessageContaining("waits for confirmation");
    f.runs.cancel(tripped.id(), "admin:bob");
    assertThat(f.stores.runs.find(tripped.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
  }

  private static Role bind(EngineFixture f, String name, String groupExternalId) {
    UUID groupId = groupExternalId == null ? null : f.stores.groups.findByProfile(f.profile.id()).stream()
        .filter(g -> g.externalId().equals(groupExternalId)).findFirst().orElseThrow().id();
    Role role = new Role(UUID.randomUUID(), name, RoleKind.FUNCTIONAL, null,
        groupId == null ? java.util.Set.of() : java.util.Set.of(groupId));
    f.stores.roles.save(role);
    return role;
  }
}
