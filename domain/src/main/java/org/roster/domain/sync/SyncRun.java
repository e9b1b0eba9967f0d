package org.roster.domain.sync;

import java.time.Instant;
import java.util.UUID;
import org.roster.domain.Require;

/**
 * One run of a profile, as its history keeps it.
 *
 * @param id the run's id
 * @param profileId the profile it ran
 * @param trigger what started it
 * @param mode how it read and whether it applied
 * @param status where it is
 * @param requestedAt when it was asked for
 * @param startedAt when it started; null while QUEUED
 * @param endedAt when it ended; null while QUEUED or RUNNING
 * @param counts outcome counts so far (live progress while RUNNING)
 * @param error why it FAILED / ABORTED, or what tripped the threshold; null otherwise
 * @param summary the one-line summary once ended; null before
 * @param source what was read: a file name, a server; null when not yet known
 * @param requestedBy the actor that asked for it ({@code admin:<login>}, {@code schedule}, ...)
 * @param confirmedBy who confirmed it after NEEDS_CONFIRMATION; null otherwise
 * @param confirmedDestructive how many deactivations and deletions were confirmed; a confirmed
 *     re-run that would take away more stops again
 */
public record SyncRun(
    UUID id,
    UUID profileId,
    RunTrigger trigger,
    RunMode mode,
    RunStatus status,
    Instant requestedAt,
    Instant startedAt,
    Instant endedAt,
    RunCounts counts,
    String error,
    String summary,
    String source,
    String requestedBy,
    String confirmedBy,
    Integer confirmedDestructive) {

  public SyncRun {
    Require.notNull(id, "id");
    Require.notNull(profileId, "profileId");
    Require.notNull(trigger, "trigger");
    Require.notNull(mode, "mode");
    Require.notNull(status, "status");
    Require.notNull(requestedAt, "requestedAt");
    counts = counts == null ? new RunCounts() : counts.copy();
    Require.notBlank(requestedBy, "requestedBy");
  }

  public static SyncRun queued(UUID id, UUID profileId, RunTrigger trigger, RunMode mode,
      String source, String requestedBy, Instant now) {
    return new SyncRun(id, profileId, trigger, mode, RunStatus.QUEUED, now, null, null, null, null,
        null, source, requestedBy, null, null);
  }

  public SyncRun started(Instant now) {
    return new SyncRun(id, profileId, trigger, mode, RunStatus.RUNNING, requestedAt, now, null,
        counts, null, null, source, requestedBy, confirmedBy, confirmedDestructive);
  }

  public SyncRun progress(RunCounts now) {
    return new SyncRun(id, profileId, trigger, mode, status, requestedAt, startedAt, endedAt, now,
        error, summary, source, requestedBy, confirmedBy, confirmedDestructive);
  }

  public SyncRun withSource(String newSource) {
    return new SyncRun(id, profileId, trigger, mode, status, requestedAt, startedAt, endedAt,
        counts, error, summary, newSource, requestedBy, confirmedBy, confirmedDestructive);
  }

  public SyncRun ended(RunStatus newStatus, RunCounts finalCounts, String newError, Instant now) {
    return new SyncRun(id, profileId, trigger, mode, newStatus, requestedAt, startedAt,
        newStatus == RunStatus.NEEDS_CONFIRMATION ? null : now, finalCounts, newError,
        finalCounts.summary(), source, requestedBy, confirmedBy, confirmedDestructive);
  }

  public SyncRun confirmed(String actor, int destructive) {
    return new SyncRun(id, profileId, trigger, mode, RunStatus.QUEUED, requestedAt, startedAt, null,
        counts, null, summary, source, requestedBy, actor, destructive);
  }
}
