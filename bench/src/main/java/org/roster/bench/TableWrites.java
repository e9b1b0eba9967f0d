package org.roster.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows a run wrote, told by PostgreSQL itself: every row inserted or updated since a
 * snapshot carries a newer transaction id ({@code xmin}) than the snapshot's, and a deletion shows
 * in the row count. Read on a connection of its own, after the run, outside the timing.
 */
final class TableWrites {
  /** The tables a sync applies its result to. */
  static final List<String> DATA =
      List.of("app_user", "grp", "group_parent", "user_group", "user_role", "role", "exclusion",
          "licence_pool");
  /** Per-entry history: one report line per changed entry, audit events. */
  static final List<String> HISTORY = List.of("run_entry", "audit_event");

  /** The transaction id and row counts at one moment. */
  record Snapshot(long xid, Map<String, Long> rows) {}

  /** What was written since a snapshot: rows inserted or updated, and the change of row count. */
  record Written(Map<String, Long> touched, Map<String, Long> rowDelta) {
    long dataRows() {
      return DATA.stream().mapToLong(t -> touched.get(t) + Math.abs(Math.min(0, rowDelta.get(t))))
          .sum();
    }

    long touched(String table) {
      return touched.get(table);
    }

    /** {@code table=n} for every table with a write, or "none". */
    String describe() {
      StringBuilder b = new StringBuilder();
      touched.forEach((t, n) -> {
        long delta = rowDelta.get(t);
        if (n != 0 || delta != 0) {
          b.append(b.length() == 0 ? "" : ", ").append(t).append('=').append(n);
          if (delta < 0) {
            b.append(" (").append(-delta).append(" deleted)");
          }
        }
      });
      return b.length() == 0 ? "none" : b.toString();
    }
  }

  private final Postgres postgres;
  private final String database;

  TableWrites(Postgres postgres, String database) {
    this.postgres = postgres;
    this.database = database;
  }

  Snapshot snapshot() {
    try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
      long xid;
      try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
        rs.next();
        xid = rs.getLong(1);
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String table : tables()) {
        rows.put(table, count(c, "SELECT count(*) FROM " + table));
      }
      return new Snapshot(xid, rows);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
    }
  }

  Written since(Snapshot before) {
    try (Connection c = postgres.connect(database)) {
      Map<String, Long> touched = new LinkedHashMap<>();
      Map<String, Long> delta = new LinkedHashMap<>();
      for (String table : tables()) {
        touched.put(table, count(c,
            "SELECT count(*) FROM " + table + " WHERE xmin::text::bigint > ?", before.xid()));
        delta.put(table, count(c, "SELECT count(*) FROM " + table) - before.rows().get(table));
      }
      return new Written(touched, delta);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
    }
  }

  private static List<String> tables() {
    return java.util.stream.Stream.concat(DATA.stream(), HISTORY.stream()).toList();
  }

  /** A count, {@code params} bound in order. */
  private static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
