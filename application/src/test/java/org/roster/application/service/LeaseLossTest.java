package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/**
 * A node that lost its profile's lease while a run was reading (another node took the profile
 * over) applies nothing: the lease is checked inside the run's transaction before it commits.
 */
class LeaseLossTest {
  @Test
  void aRunWhoseLeaseWasTakenOverAppliesNothing() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().group("g1", "Sales").user("u1", "ann", "g1").user("u2", "bob", "g1");
    UUID otherRun = UUID.randomUUID();
    f.source().beforeUser = n -> {
      if (n == 1) { // mid-read: the lease expired and node-2 claimed the profile for its own run
        UUID profile = f.profile.id();
        SyncRun running = f.stores.runs.pending(profile).orElseThrow();
        f.stores.runs.release(profile, running.id());
        assertThat(f.stores.runs.claim(profile, otherRun, "node-2", f.clock.instant(),
            Duration.ofMinutes(1))).isTrue();
      }
    };

    SyncRun run = f.run();

    assertThat(run.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(run.error()).contains("lost its lease").contains("nothing was applied");
    assertThat(f.stores.db.users).as("nothing committed").isEmpty();
    assertThat(f.stores.db.groups).isEmpty();
  }

  @Test
  void aRunThatKeepsItsLeaseCommits() {
    EngineFixture f = new EngineFixture(Policies.open());
    f.source().group("g1", "Sales").user("u1", "ann", "g1");
    assertThat(f.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.stores.db.users).hasSize(1);
  }
}
