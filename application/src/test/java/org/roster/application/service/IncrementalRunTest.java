package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.FakeIncrementalSource;
import org.roster.connector.api.SourceUser;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/** Incremental runs through the SPI's IncrementalSource: watermark, changes, deletions. */
class IncrementalRunTest {

  private EngineFixture fixtureWithTwoUsers(FakeIncrementalSource src) {
    EngineFixture f = new EngineFixture(Policies.open());
    f.connector.incremental = src;
    src.all.user("u1", "ann").user("u2", "bob").user("u3", "cy");
    SyncRun full = f.run(RunMode.FULL);
    assertThat(full.status()).isEqualTo(RunStatus.SUCCEEDED);
    return f;
  }

  @Test
  void aFullRunSavesTheTokenTakenBeforeItRead() {
    FakeIncrementalSource src = new FakeIncrementalSource();
    EngineFixture f = fixtureWithTwoUsers(src);
    assertThat(f.stores.profiles.state(f.profile.id()).syncToken()).isEqualTo("v1");
  }

  @Test
  void anIncrementalRunAppliesChangesAndDeletionsAndAdvancesTheToken() {
    FakeIncrementalSource src = new FakeIncrementalSource();
    EngineFixture f = fixtureWithTwoUsers(src);
    src.changes.add(new SourceUser("u1", "ann", "uid=ann", true, Map.of("email", "ann@new.org"), Set.of()));
    src.changes.add("u2");

    SyncRun inc = f.run(RunMode.INCREMENTAL);

    assertThat(inc.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(src.tokensAsked).containsOnly("v1");
    assertThat(inc.counts().get(EntryOutcome.UPDATED)).isEqualTo(1);
    assertThat(inc.counts().get(EntryOutcome.DELETED)).isEqualTo(1);
    assertThat(f.user("u1").attribute("email")).isEqualTo("ann@new.org");
    assertThat(f.user("u2").status()).isEqualTo(UserStatus.DELETED);
    assertThat(f.user("u3").status()).as("unseen in an incremental read is not deleted").isEqualTo(UserStatus.ACTIVE);
    assertThat(f.stores.profiles.state(f.profile.id()).syncToken()).isEqualTo("v2");
  }

  @Test
  void aFailedIncrementalRunKeepsTheOldToken() {
    FakeIncrementalSource src = new FakeIncrementalSource();
    EngineFixture f = fixtureWithTwoUsers(src);
    src.failChanges = true;
    SyncRun inc = f.run(RunMode.INCREMENTAL);
    assertThat(inc.status()).isEqualTo(RunStatus.FAILED);
    assertThat(f.stores.profiles.state(f.profile.id()).syncToken()).isEqualTo("v1");
  }

  @Test
  void incrementalOnASourceWithoutTheCapabilityRunsFull() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();
    f.source().remove("u2");
    SyncRun run = f.run(RunMode.INCREMENTAL);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.user("u2").status()).isEqualTo(UserStatus.DELETED);
  }

  @Test
  void anExpiredTokenFallsBackToAFullRun() {
    FakeIncrementalSource src = new FakeIncrementalSource();
    EngineFixture f = fixtureWithTwoUsers(src);
    f.stores.profiles.saveState(new org.roster.application.port.out.ProfileState(f.profile.id(), "expired",
        f.stores.profiles.state(f.profile.id()).fingerprint(), null));
    src.all.remove("u3");
    SyncRun run = f.run(RunMode.INCREMENTAL);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.error()).contains("ran a full sync: token expired");
    assertThat(f.user("u3").status()).isEqualTo(UserStatus.DELETED);
    assertThat(f.stores.profiles.state(f.profile.id()).syncToken()).isEqualTo("v1");
  }

  @Test
  void aChangeOfNestingOrBindingsTurnsAnIncrementalRunIntoAFullOne() {
    FakeIncrementalSource src = new FakeIncrementalSource();
    EngineFixture f = fixtureWithTwoUsers(src);
    src.all.group("g1", "Sales");
    src.all.user("u1", "ann", "g1");
    f.run(RunMode.FULL);
    org.roster.domain.role.Role role = new org.roster.domain.role.Role(java.util.UUID.randomUUID(), "Sales",
        org.roster.domain.role.RoleKind.FUNCTIONAL, null,
        java.util.Set.of(f.stores.groups.findByProfile(f.profile.id()).get(0).id()));
    f.stores.roles.save(role);

    SyncRun inc = f.run(RunMode.INCREMENTAL);

    assertThat(inc.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(inc.error()).contains("ran a full sync").contains("role bindings");
    org.roster.domain.identity.User ann = f.user("u1");
    assertThat(f.stores.roles.syncedRoleIdsOf(java.util.List.of(ann.id())).get(ann.id())).containsExactly(role.id());
  }

  @Test
  void aMemberWhoLeftAChangedGroupWithoutChangingIsReadAgainAndLosesIt() {
    FakeIncrementalSource src = new FakeIncrementalSource();
    EngineFixture f = new EngineFixture(Policies.open());
    f.connector.incremental = src;
    src.all.group("g1", "Sales").user("u1", "ann", "g1").user("u2", "bob", "g1").user("u3", "cy", "g1");
    f.run(RunMode.FULL);
    src.all.user("u1", "ann"); // ann left g1: her own entry did not change, so no change lists her
    src.groupMembers.put("g1", Set.of("u2", "u3"));

    SyncRun inc = f.run(RunMode.INCREMENTAL);

    assertThat(inc.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(src.reread).containsExactly("u1");
    org.roster.domain.identity.User ann = f.user("u1");
    assertThat(f.stores.users.groupIdsOf(java.util.List.of(ann.id()))).doesNotContainKey(ann.id());
    org.roster.domain.identity.User bob = f.user("u2");
    assertThat(f.stores.users.groupIdsOf(java.util.List.of(bob.id())).get(bob.id())).hasSize(1);
  }

  @Test
  void membersWhoJoinedAChangedGroupWithoutChangingAreReadAgainAndGainIt() {
    FakeIncrementalSource src = new FakeIncrementalSource();
    EngineFixture f = new EngineFixture(Policies.open());
    f.connector.incremental = src;
    src.all.group("g1", "Sales").group("g2", "Support").user("u1", "ann", "g1").user("u2", "bob", "g2");
    f.run(RunMode.FULL);
    // bob joined g1 (known, held in g2 only), dee is new and only reachable through g1's members
    src.all.user("u2", "bob", "g1", "g2").user("u4", "dee", "g1");
    src.groupMembers.put("g1", Set.of("u1", "u2", "u4"));

    SyncRun inc = f.run(RunMode.INCREMENTAL);

    assertThat(inc.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(src.reread).containsExactlyInAnyOrder("u2", "u4");
    org.roster.domain.identity.User bob = f.user("u2");
    assertThat(f.stores.users.groupIdsOf(java.util.List.of(bob.id())).get(bob.id())).hasSize(2);
    assertThat(f.user("u4").login()).isEqualTo("dee");
    assertThat(inc.counts().get(org.roster.domain.sync.EntryOutcome.CREATED)).isEqualTo(1);
  }
}
