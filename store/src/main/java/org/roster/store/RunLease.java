package org.roster.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/**
 * The per-profile run lease in {@code profile_lease}: one row per profile while a run holds it.
 * Every decision is a single conditional statement, so that nodes sharing the database agree
 * without locks held between statements. Each method runs on the connection it is given, in the
 * caller's (separate) transaction.
 */
final class RunLease {
  /** A QUEUED or RUNNING run without a live lease held by another node; parameters: node, now. */
  private static final String ORPHAN =
      "status IN ('QUEUED', 'RUNNING') AND NOT EXISTS (SELECT 1 FROM"
          + " profile_lease l WHERE l.profile_id = sync_run.profile_id AND l.run_id = sync_run.id"
          + " AND l.node <> ? AND l.expires_at >= ?)";

  /** A QUEUED or RUNNING run without a live lease; parameter: now. */
  private static final String EXPIRED =
      "status IN ('QUEUED', 'RUNNING') AND NOT EXISTS (SELECT 1 FROM"
          + " profile_lease l WHERE l.profile_id = sync_run.profile_id AND l.run_id = sync_run.id"
          + " AND l.expires_at >= ?)";

  private static final String TAKE_EXPIRED =
      "UPDATE profile_lease SET run_id = ?, node = ?, expires_at = ?"
          + " WHERE profile_id = ? AND expires_at < ?";
  private static final String TAKE_FREE =
      "INSERT INTO profile_lease (profile_id, run_id, node, expires_at) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING";
  private static final String RENEW =
      "UPDATE profile_lease SET expires_at = ? WHERE profile_id = ? AND run_id = ?";

  private final RunRows runs;

  RunLease(RunRows runs) {
    this.runs = runs;
  }

  /**
   * Takes over an expired lease, else inserts one where none is held. Two racing claims cannot both
   * win: the second UPDATE waits for the first's row lock and re-checks the expiry after the first
   * commits (PostgreSQL's READ COMMITTED re-check; H2 does the same), and the second INSERT waits
   * for the first's key and then does nothing.
   */
  boolean claim(Connection c, UUID profileId, UUID runId, String node, Instant now, Duration lease)
      throws SQLException {
    Instant expires = now.plus(lease);
    if (Sql.update(c, TAKE_EXPIRED, runId, node, expires, profileId, now) == 1) {
      return true;
    }
    return Sql.update(c, TAKE_FREE, profileId, runId, node, expires) == 1;
  }

  boolean renew(Connection c, UUID profileId, UUID runId, Instant now, Duration lease)
      throws SQLException {
    return Sql.update(c, RENEW, now.plus(lease), profileId, runId) == 1;
  }

  void release(Connection c, UUID profileId, UUID runId) throws SQLException {
    Sql.update(
        c, "DELETE FROM profile_lease WHERE profile_id = ? AND run_id = ?", profileId, runId);
  }

  /**
   * Aborts QUEUED and RUNNING runs whose lease is held by {@code node}, expired or missing. Each abort
   * re-checks that condition in its UPDATE, so a lease renewed or a run finished in between is left
   * alone, and a run is aborted once even when several nodes look at the same time.
   */
  List<SyncRun> abortOrphans(Connection c, String node, Instant now, String reason)
      throws SQLException {
    return abort(c, ORPHAN, now, reason, node, now);
  }

  /**
   * Aborts QUEUED and RUNNING runs whose lease expired or is missing, whichever node held it; a
   * live lease, this node's own included, is left alone. Same re-check as {@link #abortOrphans}.
   */
  List<SyncRun> abortExpired(Connection c, Instant now, String reason) throws SQLException {
    return abort(c, EXPIRED, now, reason, now);
  }

  private List<SyncRun> abort(
      Connection c, String condition, Instant now, String reason, Object... params)
      throws SQLException {
    List<SyncRun> candidates =
        Sql.list(c, RunRows.SELECT + " WHERE " + condition, runs::run, params);
    List<SyncRun> aborted = new ArrayList<>();
    for (SyncRun run : candidates) {
      SyncRun ended = run.ended(RunStatus.ABORTED, run.counts(), reason, now);
      if (runs.update(c, ended, " AND " + condition, params) == 1) {
        release(c, run.profileId(), run.id());
        aborted.add(ended);
      }
    }
    return aborted;
  }
}
