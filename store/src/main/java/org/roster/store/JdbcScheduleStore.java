package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.out.ScheduleSlot;
import org.roster.application.port.out.ScheduleStore;

/**
 * {@link ScheduleStore} on {@code schedule_slot}. {@link #claim} is one conditional UPDATE: of two
 * nodes racing for a slot the second waits for the first's row lock and, once the first commits,
 * re-checks {@code next_run_at} and finds it moved (PostgreSQL's READ COMMITTED re-check; H2 does
 * the same), so it updates nothing.
 */
@Singleton
public class JdbcScheduleStore implements ScheduleStore {
  private static final String SELECT =
      "SELECT profile_id, next_run_at, last_run_at, last_run_id FROM schedule_slot";

  private final Jdbc jdbc;

  JdbcScheduleStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void plan(UUID profileId, Instant nextRunAt) {
    jdbc.joinedRun(
        c -> {
          if (Sql.update(
                  c,
                  "UPDATE schedule_slot SET next_run_at = ? WHERE profile_id = ?",
                  nextRunAt,
                  profileId)
              == 0) {
            Sql.update(
                c,
                "INSERT INTO schedule_slot (profile_id, next_run_at) VALUES (?, ?)",
                profileId,
                nextRunAt);
          }
        });
  }

  @Override
  public ScheduleSlot find(UUID profileId) {
    return jdbc.joined(
            c -> Sql.one(c, SELECT + " WHERE profile_id = ?", JdbcScheduleStore::slot, profileId))
        .orElse(ScheduleSlot.none(profileId));
  }

  @Override
  public List<ScheduleSlot> all() {
    return jdbc.joined(c -> Sql.list(c, SELECT, JdbcScheduleStore::slot));
  }

  @Override
  public List<ScheduleSlot> due(Instant now) {
    return jdbc.joined(
        c ->
            Sql.list(
                c,
                SELECT + " WHERE next_run_at <= ? ORDER BY next_run_at, profile_id",
                JdbcScheduleStore::slot,
                now));
  }

  @Override
  public boolean claim(UUID profileId, Instant due, Instant next) {
    return jdbc.joined(
        c ->
            Sql.update(
                    c,
                    "UPDATE schedule_slot SET next_run_at = ?"
                        + " WHERE profile_id = ? AND next_run_at = ?",
                    next,
                    profileId,
                    due)
                == 1);
  }

  @Override
  public void started(UUID profileId, UUID runId, Instant at) {
    jdbc.joinedRun(
        c ->
            Sql.update(
                c,
                "UPDATE schedule_slot SET last_run_at = ?, last_run_id = ? WHERE profile_id = ?",
                at,
                runId,
                profileId));
  }

  @Override
  public void forget(UUID profileId) {
    jdbc.joinedRun(c -> Sql.update(c, "DELETE FROM schedule_slot WHERE profile_id = ?", profileId));
  }

  private static ScheduleSlot slot(ResultSet rs) throws SQLException {
    return new ScheduleSlot(
        Sql.uuid(rs, "profile_id"),
        Sql.instant(rs, "next_run_at"),
        Sql.instant(rs, "last_run_at"),
        Sql.uuid(rs, "last_run_id"));
  }
}
