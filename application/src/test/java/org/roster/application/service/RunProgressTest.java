package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/** A running run shows how far it got: its record's counts move while the source is read. */
class RunProgressTest {
  @Test
  void aRunningRunsCountsShowTheEntriesReadSoFar() {
    EngineFixture f = new EngineFixture(Policies.open());
    for (int i = 0; i < 3000; i++) {
      f.source().user(String.format("u%04d", i), String.format("user%04d", i));
    }
    AtomicReference<SyncRun> seen = new AtomicReference<>();
    f.source().beforeUser = n -> {
      if (n == 1999) {
        sleep(1100); // progress is written at most once a second, every 2000 entries
      } else if (n == 2500) {
        seen.set(f.stores.runs.list(f.profile.id(),
            org.roster.application.port.out.PageRequest.first(1)).items().get(0));
      }
    };

    SyncRun done = f.run();

    SyncRun midway = seen.get();
    assertThat(midway).as("the run as stored while user 2500 was read").isNotNull();
    assertThat(midway.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(midway.counts().entriesRead()).isEqualTo(2000);
    assertThat(midway.counts().get(EntryOutcome.CREATED)).isBetween(1, 2000);
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.counts().entriesRead()).isEqualTo(3000);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
