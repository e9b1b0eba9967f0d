package org.roster.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The raw insert cost: the rows a full sync writes ({@link RawRows}) inserted with plain JDBC
 * batches of 1000 ({@code reWriteBatchedInserts=true} in the URL) in one transaction, into the
 * store's own tables (its Flyway script, so the same columns, keys and indexes) in a fresh
 * database that is dropped afterwards.
 */
final class RawInsert {
  static final int BATCH = 1000;
  private static final String DATABASE = "roster_bench_raw";
  private static final String SCHEMA = "db/migration/V1__schema.sql";

  private final Postgres postgres;

  /**
   * Rows written per table, the seconds from the first insert to the end of the commit, and how
   * they divide between the tables and the commit.
   */
  record Result(int groups, int groupParents, int users, int memberships, double seconds,
      String split) {
    int rows() {
      return groups + groupParents + users + memberships;
    }
  }

  RawInsert(Postgres postgres) {
    this.postgres = postgres;
  }

  Result insert(RawRows rows) {
    postgres.fresh(DATABASE);
    try (Connection c = postgres.connect(DATABASE)) {
      try (Statement s = c.createStatement()) {
        s.execute(schema());
      }
      c.setAutoCommit(false);
      Split split = new Split();
      write(c, rows, split);
      c.commit();
      split.lap("commit");
      return new Result(rows.groups.size(), rows.groupParents.size(), rows.users.size(),
          rows.memberships.size(), split.total(), split.toString());
    } catch (SQLException e) {
      throw new IllegalStateException("raw insert failed: " + e.getMessage(), e);
    } finally {
      postgres.drop(DATABASE);
    }
  }

  /** Lap times: each table, then the commit. */
  private static final class Split {
    private final long start = System.nanoTime();
    private long last = start;
    private final StringBuilder laps = new StringBuilder();

    void lap(String what) {
      long now = System.nanoTime();
      laps.append(laps.length() == 0 ? "" : ", ").append(what).append(' ')
          .append(String.format(java.util.Locale.ROOT, "%.2f s", (now - last) / 1e9));
      last = now;
    }

    double total() {
      return (last - start) / 1e9;
    }

    @Override
    public String toString() {
      return laps.toString();
    }
  }

  private static void write(Connection c, RawRows rows, Split split) throws SQLException {
    UUID profile = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    batch(c, "INSERT INTO grp (id, profile_id, external_id, name, location, deleted, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows.groups.size(), (ps, i) -> {
          RawRows.GroupRow g = rows.groups.get(i);
          bind(ps, g.id(), profile, g.externalId(), g.name(), g.dn(), false, now);
        });
    split.lap("grp");
    batch(c, "INSERT INTO group_parent (group_id, parent_id) VALUES (?, ?)",
        rows.groupParents.size(), (ps, i) -> bind(ps,
            rows.groups.get(rows.groupParents.first(i)).id(),
            rows.groups.get(rows.groupParents.second(i)).id()));
    split.lap("group_parent");
    batch(c, "INSERT INTO app_user (id, profile_id, external_id, login, login_key, status,"
        + " inactive_reason, attributes, email, display_name, location, seat, protected_user,"
        + " blocked_since, source_hash, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.users.size(),
        (ps, i) -> {
          RawRows.UserRow u = rows.users.get(i);
          bind(ps, u.id(), profile, u.externalId(), u.login(), u.login().strip().toLowerCase(java.util.Locale.ROOT),
              "ACTIVE", null, u.attributesJson(), u.email(), u.displayName(), u.dn(), true,
              false, null, u.sourceHash(), now, now);
        });
    split.lap("app_user");
    batch(c, "INSERT INTO user_group (user_id, group_id) VALUES (?, ?)",
        rows.memberships.size(), (ps, i) -> bind(ps,
            rows.users.get(rows.memberships.first(i)).id(),
            rows.groups.get(rows.memberships.second(i)).id()));
    split.lap("user_group");
  }

  /** Binds row {@code i} of a table. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps, int i) throws SQLException;
  }

  private static void batch(Connection c, String sql, int count, Binder binder)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < count; i++) {
        binder.bind(ps, i);
        ps.addBatch();
        if ((i + 1) % BATCH == 0 || i == count - 1) {
          ps.executeBatch();
        }
      }
    }
  }

  /** Binds as the store does: null as NULL, strings as strings, the rest as objects. */
  private static void bind(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (v instanceof String s) {
        ps.setString(i + 1, s);
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }

  private static String schema() {
    try (InputStream in = RawInsert.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA + " is not on the class path (roster-store)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + SCHEMA, e);
    }
  }
}
