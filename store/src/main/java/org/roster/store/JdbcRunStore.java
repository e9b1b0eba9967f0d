package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RunStore;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.SyncRun;

/**
 * {@link RunStore} on {@code sync_run}, {@code run_entry} and {@code profile_lease}. Every method
 * runs in a transaction of its own on a connection of its own (REQUIRES_NEW), committed before it
 * returns, also when the calling thread is inside a long transaction.
 */
@Singleton
public class JdbcRunStore implements RunStore {
  private static final String ENTRY_COLUMNS =
      "run_id, seq, kind, external_id, name, location, outcome, detail";
  private static final BulkInsert.Table RUN_ENTRY =
      new BulkInsert.Table("run_entry", ENTRY_COLUMNS);

  private final Jdbc jdbc;
  private final BulkInsert bulk;
  private final RunRows rows;
  private final RunLease lease;

  JdbcRunStore(Jdbc jdbc, BulkInsert bulk, JsonCodec json) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.rows = new RunRows(json);
    this.lease = new RunLease(rows);
  }

  @Override
  public void create(SyncRun run) {
    jdbc.separateRun(c -> rows.insert(c, run));
  }

  @Override
  public void update(SyncRun run) {
    jdbc.separateRun(c -> rows.update(c, run, ""));
  }

  @Override
  public Optional<SyncRun> find(UUID id) {
    return jdbc.separate(c -> Sql.one(c, RunRows.SELECT + " WHERE id = ?", rows::run, id));
  }

  @Override
  public Page<SyncRun> list(UUID profileId, PageRequest page) {
    Where where = new Where().andIf(profileId, "profile_id = ?", profileId);
    return jdbc.separate(
        c ->
            where.page(
                c, "sync_run", RunRows.COLUMNS, "requested_at DESC, id DESC", page, rows::run));
  }

  @Override
  public Optional<SyncRun> pending(UUID profileId) {
    return jdbc.separate(
        c ->
            Sql.one(
                c,
                RunRows.SELECT
                    + " WHERE profile_id = ? AND status IN ('QUEUED', 'RUNNING',"
                    + " 'NEEDS_CONFIRMATION') ORDER BY requested_at DESC, id DESC LIMIT 1",
                rows::run,
                profileId));
  }

  @Override
  public void appendReport(Collection<RunEntry> entries) {
    jdbc.separateRun(
        c ->
            bulk.insert(
                c,
                RUN_ENTRY,
                entries,
                e ->
                    new Object[] {
                      e.runId(),
                      e.seq(),
                      e.kind(),
                      e.externalId(),
                      e.name(),
                      e.location(),
                      e.outcome(),
                      e.detail()
                    }));
  }

  @Override
  public void clearReport(UUID runId) {
    jdbc.separateRun(c -> Sql.update(c, "DELETE FROM run_entry WHERE run_id = ?", runId));
  }

  @Override
  public Page<RunEntry> report(UUID runId, PageRequest page) {
    Where where = new Where().andIf(runId, "run_id = ?", runId);
    return jdbc.separate(
        c -> where.page(c, "run_entry", ENTRY_COLUMNS, "seq", page, JdbcRunStore::entry));
  }

  @Override
  public boolean claim(UUID profileId, UUID runId, String node, Instant now, Duration duration) {
    return jdbc.separate(c -> lease.claim(c, profileId, runId, node, now, duration));
  }

  @Override
  public boolean renew(UUID profileId, UUID runId, Instant now, Duration duration) {
    return jdbc.separate(c -> lease.renew(c, profileId, runId, now, duration));
  }

  @Override
  public void release(UUID profileId, UUID runId) {
    jdbc.separateRun(c -> lease.release(c, profileId, runId));
  }

  @Override
  public List<SyncRun> abortOrphans(String node, Instant now, String reason) {
    return jdbc.separate(c -> lease.abortOrphans(c, node, now, reason));
  }

  @Override
  public List<SyncRun> abortExpired(Instant now, String reason) {
    return jdbc.separate(c -> lease.abortExpired(c, now, reason));
  }

  private static RunEntry entry(ResultSet rs) throws SQLException {
    return new RunEntry(
        Sql.uuid(rs, "run_id"),
        rs.getLong("seq"),
        rs.getString("kind"),
        rs.getString("external_id"),
        rs.getString("name"),
        rs.getString("location"),
        EntryOutcome.valueOf(rs.getString("outcome")),
        rs.getString("detail"));
  }
}
