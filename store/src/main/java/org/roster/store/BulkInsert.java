package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Plain inserts of many rows. On PostgreSQL (pgjdbc), from {@link #COPY_FROM} rows on, one {@code
 * COPY ... FROM STDIN} in binary format ({@link CopyBinary}); below that and on other databases
 * (H2), {@link Sql#batch JDBC batches}. Either way on the connection it is given, so inside the
 * caller's transaction. Neither has an {@code ON CONFLICT}: a duplicate key fails the call
 * (SQLState 23505), and on PostgreSQL the caller's transaction with it.
 */
@Singleton
final class BulkInsert {

  /**
   * Rows from which COPY is used. Measured on user_group: below 10-20 rows COPY's extra round trip
   * costs more than it saves, from 50 on it is as fast as a batch with {@code
   * reWriteBatchedInserts} and twice as fast as one without.
   */
  static final int COPY_FROM = 50;

  /** Bytes buffered before they go to the server. */
  private static final int FLUSH_AT = 64 * 1024;

  /** A table and the columns written, in the order {@link Values} gives them. */
  record Table(String name, String columns) {
    int width() {
      return columns.split(",").length;
    }

    String insertSql() {
      String params = "?" + ", ?".repeat(width() - 1);
      return "INSERT INTO " + name + " (" + columns + ") VALUES (" + params + ")";
    }

    String copySql() {
      return "COPY " + name + " (" + columns + ") FROM STDIN WITH (FORMAT binary)";
    }
  }

  /**
   * One item's column values, of the Java types {@link Sql#bind} binds, each fitting its column's
   * SQL type as {@link CopyBinary} says ({@code Long} for {@code BIGINT}, not {@code Integer}).
   */
  @FunctionalInterface
  interface Values<T> {
    Object[] of(T item);
  }

  /** Whether this database copies: unknown (null) until the first connection was looked at. */
  private volatile Boolean copies;

  <T> void insert(Connection c, Table table, Collection<T> items, Values<T> values)
      throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    int width = table.width();
    if (items.size() >= COPY_FROM && copies(c)) {
      copy(c.unwrap(PGConnection.class), table.copySql(), items, item -> row(values, item, width));
    } else {
      Sql.batch(
          c, table.insertSql(), items, (ps, item) -> Sql.bindAll(ps, row(values, item, width)));
    }
  }

  /**
   * True when {@code c} is a PostgreSQL connection that unwraps to pgjdbc's (Hikari's proxies do).
   * Decided on the first connection and kept: the stores have one data source.
   */
  boolean copies(Connection c) throws SQLException {
    Boolean known = copies;
    if (known == null) {
      known =
          "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())
              && c.isWrapperFor(PGConnection.class);
      copies = known;
    }
    return known;
  }

  private static <T> void copy(PGConnection pg, String sql, Collection<T> items, Values<T> values)
      throws SQLException {
    CopyIn copy = pg.getCopyAPI().copyIn(sql);
    try {
      CopyBinary rows = new CopyBinary(FLUSH_AT + 8192);
      for (T item : items) {
        rows.row(values.of(item));
        if (rows.size() >= FLUSH_AT) {
          copy.writeToCopy(rows.bytes(), 0, rows.size());
          rows.clear();
        }
      }
      rows.trailer();
      copy.writeToCopy(rows.bytes(), 0, rows.size());
      copy.endCopy();
    } catch (Throwable failure) {
      // A COPY left open would leave the connection unusable for the rest of its transaction.
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException cancelFailed) {
          failure.addSuppressed(cancelFailed);
        }
      }
      throw failure;
    }
  }

  private static <T> Object[] row(Values<T> values, T item, int width) {
    Object[] row = values.of(item);
    if (row.length != width) {
      throw new IllegalStateException(row.length + " values for " + width + " columns");
    }
    return row;
  }
}
