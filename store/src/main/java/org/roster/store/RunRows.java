package org.roster.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;

/** How a {@link SyncRun} maps to a row of {@code sync_run}; counts as a JSON object. */
final class RunRows {
  static final String COLUMNS =
      "id, profile_id, trigger, mode, status, requested_at, started_at,"
          + " ended_at, counts, entries_read, error, summary, source, requested_by, confirmed_by,"
          + " confirmed_destructive";
  static final String SELECT = "SELECT " + COLUMNS + " FROM sync_run";
  private static final Map<String, EntryOutcome> OUTCOMES =
      Arrays.stream(EntryOutcome.values()).collect(Collectors.toMap(EntryOutcome::name, o -> o));

  private final JsonCodec json;

  RunRows(JsonCodec json) {
    this.json = json;
  }

  void insert(Connection c, SyncRun r) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO sync_run ("
            + COLUMNS
            + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(),
        r.profileId(),
        r.trigger(),
        r.mode(),
        r.status(),
        r.requestedAt(),
        r.startedAt(),
        r.endedAt(),
        counts(r.counts()),
        r.counts().entriesRead(),
        r.error(),
        r.summary(),
        r.source(),
        r.requestedBy(),
        r.confirmedBy(),
        r.confirmedDestructive());
  }

  /** Updates what a run changes while it goes; @return the rows updated (0 or 1) */
  int update(Connection c, SyncRun r, String condition, Object... conditionParams)
      throws SQLException {
    Object[] values = {
      r.status(),
      r.startedAt(),
      r.endedAt(),
      counts(r.counts()),
      r.counts().entriesRead(),
      r.error(),
      r.summary(),
      r.source(),
      r.confirmedBy(),
      r.confirmedDestructive(),
      r.id()
    };
    Object[] params = new Object[values.length + conditionParams.length];
    System.arraycopy(values, 0, params, 0, values.length);
    System.arraycopy(conditionParams, 0, params, values.length, conditionParams.length);
    return Sql.update(
        c,
        "UPDATE sync_run SET status = ?, started_at = ?, ended_at = ?, counts = ?,"
            + " entries_read = ?, error = ?, summary = ?, source = ?, confirmed_by = ?,"
            + " confirmed_destructive = ? WHERE id = ?"
            + condition,
        params);
  }

  SyncRun run(ResultSet rs) throws SQLException {
    Map<EntryOutcome, Integer> counts = new EnumMap<>(EntryOutcome.class);
    // An outcome this version does not know (written by a newer one) is left out.
    json.intMap(rs.getString("counts"))
        .forEach(
            (name, n) -> {
              EntryOutcome outcome = OUTCOMES.get(name);
              if (outcome != null) {
                counts.put(outcome, n);
              }
            });
    return new SyncRun(
        Sql.uuid(rs, "id"),
        Sql.uuid(rs, "profile_id"),
        RunTrigger.valueOf(rs.getString("trigger")),
        RunMode.valueOf(rs.getString("mode")),
        RunStatus.valueOf(rs.getString("status")),
        Sql.instant(rs, "requested_at"),
        Sql.instant(rs, "started_at"),
        Sql.instant(rs, "ended_at"),
        RunCounts.of(counts, rs.getLong("entries_read")),
        rs.getString("error"),
        rs.getString("summary"),
        rs.getString("source"),
        rs.getString("requested_by"),
        rs.getString("confirmed_by"),
        Sql.integer(rs, "confirmed_destructive"));
  }

  private String counts(RunCounts counts) {
    Map<String, Integer> byName = new LinkedHashMap<>();
    counts.asMap().forEach((outcome, n) -> byName.put(outcome.name(), n));
    return json.write(byName);
  }
}
