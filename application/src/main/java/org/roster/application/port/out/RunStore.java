package org.roster.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.SyncRun;

/**
 * Run history, per-entry reports and the per-profile run lease. Every method runs in a
 * transaction of its own, committed before it returns, so that history survives the rollback of
 * the run's own transaction and other nodes see it at once.
 */
public interface RunStore {

  void create(SyncRun run);

  /** Updates status, times, counts, error, summary, source, confirmation. */
  void update(SyncRun run);

  Optional<SyncRun> find(UUID id);

  /** Runs newest first; of one profile when {@code profileId} is not null. */
  Page<SyncRun> list(UUID profileId, PageRequest page);

  /** The profile's run that is QUEUED, RUNNING or NEEDS_CONFIRMATION, if any (the newest). */
  Optional<SyncRun> pending(UUID profileId);

  void appendReport(Collection<RunEntry> entries);

  /** Forgets a run's report (a confirmed run writes it anew). */
  void clearReport(UUID runId);

  /** A run's report in order. */
  Page<RunEntry> report(UUID runId, PageRequest page);

  /**
   * Claims the profile for a run: succeeds when no lease is held or the held one expired before
   * {@code now}. Atomic across nodes sharing the database.
   *
   * @return true when this run now holds the lease until {@code now + lease}
   */
  boolean claim(UUID profileId, UUID runId, String node, Instant now, Duration lease);

  /** Extends a held lease. @return false when the run no longer holds it */
  boolean renew(UUID profileId, UUID runId, Instant now, Duration lease);

  /** Gives the lease up (no-op when the run does not hold it). */
  void release(UUID profileId, UUID runId);

  /**
   * Marks ABORTED every QUEUED or RUNNING run whose profile lease is held by {@code node} (a
   * restart of that node), has expired before {@code now}, or is missing or held by another run,
   * and frees those leases. A run claims its profile's lease when it is queued and keeps it until
   * it ends, so an active run without a live lease was cut off.
   *
   * @return the runs it aborted
   */
  List<SyncRun> abortOrphans(String node, Instant now, String reason);

  /**
   * Marks ABORTED every QUEUED or RUNNING run whose profile lease expired before {@code now} or is
   * missing, and frees those leases: runs whose node stopped renewing them (it died or lost the
   * database). Unlike {@link #abortOrphans} it leaves alone the runs of every live node, this one's
   * included, so any node may call it at any time. Each run is aborted once even when several nodes
   * call it at the same time.
   *
   * @return the runs it aborted
   */
  List<SyncRun> abortExpired(Instant now, String reason);
}
