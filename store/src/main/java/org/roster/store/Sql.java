package org.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plain JDBC statements the same way on PostgreSQL and on H2 in PostgreSQL mode: parameters bound
 * by type, rows mapped by a function, batches in chunks.
 */
final class Sql {

  /** Rows per JDBC batch: large enough to amortise round trips, small enough for the heap. */
  static final int BATCH = 1000;

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Binds one item's parameters to a statement. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement ps, T item) throws SQLException;
  }

  /** A collection bound as a SQL array, for {@code = ANY(?)}. */
  record Array(String elementType, Collection<?> values) {
    static Array ofUuids(Collection<UUID> ids) {
      return new Array("uuid", ids);
    }

    static Array ofStrings(Collection<String> values) {
      return new Array("varchar", values);
    }
  }

  private Sql() {}

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindAll(ps, params);
      return ps.executeUpdate();
    }
  }

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindAll(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  /**
   * Hands each row to {@code consumer} as it is read: a forward-only cursor fetching {@link #BATCH}
   * rows at a time (PostgreSQL streams only inside a transaction, which callers have).
   */
  static <T> void stream(
      Connection c, String sql, Row<T> row, Consumer<? super T> consumer, Object... params)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      ps.setFetchSize(BATCH);
      bindAll(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          consumer.accept(row.map(rs));
        }
      }
    }
  }

  static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> rows = list(c, sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static long count(Connection c, String sql, Object... params) throws SQLException {
    return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  /**
   * Runs {@code sql} once per item, {@link #BATCH} items per JDBC batch (with the PostgreSQL
   * driver's {@code reWriteBatchedInserts=true} an insert batch becomes multi-row inserts).
   */
  static <T> void batch(Connection c, String sql, Collection<T> items, Binder<T> binder)
      throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (Iterator<T> it = items.iterator(); it.hasNext(); ) {
        binder.bind(ps, it.next());
        ps.addBatch();
        if (++pending == BATCH || !it.hasNext()) {
          ps.executeBatch();
          pending = 0;
        }
      }
    }
  }

  static void bindAll(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      bind(ps, i + 1, params[i]);
    }
  }

  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof Instant t) {
      ps.setObject(index, timestamp(t));
    } else if (value instanceof Enum<?> e) {
      ps.setString(index, e.name());
    } else if (value instanceof Array a) {
      ps.setArray(index, ps.getConnection().createArrayOf(a.elementType(), a.values().toArray()));
    } else {
      ps.setObject(index, value);
    }
  }

  /**
   * An instant as both databases store it: microseconds, truncated here so that PostgreSQL does not
   * round it up past the instant the caller holds (a lease's expiry, an ordering key).
   */
  static OffsetDateTime timestamp(Instant t) {
    return t == null
        ? null
        : OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  /** A LIKE pattern matching {@code text} anywhere, case-folded; use with {@code ESCAPE '\'}. */
  static String contains(String text) {
    String escaped =
        text.toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
