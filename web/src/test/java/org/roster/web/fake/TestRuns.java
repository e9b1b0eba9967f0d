package org.roster.web.fake;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;

/** Runs in the states tests need. */
public final class TestRuns {
  private TestRuns() {}

  /** A scheduled full run that ended at {@code requestedAt} + 1 min. */
  public static SyncRun succeeded(UUID profileId, Instant requestedAt) {
    RunCounts counts =
        RunCounts.of(
            Map.of(
                EntryOutcome.CREATED,
                3,
                EntryOutcome.UPDATED,
                2,
                EntryOutcome.UNCHANGED,
                4,
                EntryOutcome.FAILED,
                1),
            10);
    return SyncRun.queued(
            UUID.randomUUID(),
            profileId,
            RunTrigger.SCHEDULE,
            RunMode.FULL,
            "people.csv",
            "schedule",
            requestedAt)
        .started(requestedAt.plusSeconds(1))
        .ended(RunStatus.SUCCEEDED, counts, null, requestedAt.plusSeconds(60));
  }

  /** A run that tripped the deletion threshold with 40 deletions. */
  public static SyncRun waitingForConfirmation(UUID profileId, Instant requestedAt) {
    RunCounts counts = RunCounts.of(Map.of(EntryOutcome.DELETED, 40), 400);
    return SyncRun.queued(
            UUID.randomUUID(),
            profileId,
            RunTrigger.MANUAL,
            RunMode.FULL,
            null,
            "admin:sync",
            requestedAt)
        .started(requestedAt.plusSeconds(1))
        .ended(
            RunStatus.NEEDS_CONFIRMATION,
            counts,
            "would delete 40 users; the limit is 10",
            requestedAt.plusSeconds(30));
  }
}
