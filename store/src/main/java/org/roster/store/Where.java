package org.roster.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;

/** A WHERE clause built from optional filters, and the paged query over it. */
final class Where {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  /** Adds {@code condition} (with its {@code ?} values) when {@code filter} is not null. */
  Where andIf(Object filter, String condition, Object... values) {
    if (filter != null) {
      conditions.add(condition);
      params.addAll(List.of(values));
    }
    return this;
  }

  String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  Object[] params(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return all.toArray();
  }

  /** One page of {@code SELECT columns FROM table WHERE ... ORDER BY orderBy}, with the total. */
  <T> Page<T> page(
      Connection c, String table, String columns, String orderBy, PageRequest page, Sql.Row<T> row)
      throws SQLException {
    long total = Sql.count(c, "SELECT count(*) FROM " + table + sql(), params());
    List<T> items =
        total <= page.offset()
            ? List.of()
            : Sql.list(
                c,
                "SELECT "
                    + columns
                    + " FROM "
                    + table
                    + sql()
                    + " ORDER BY "
                    + orderBy
                    + " LIMIT ? OFFSET ?",
                row,
                params(page.size(), page.offset()));
    return new Page<>(items, total, page.page(), page.size());
  }
}
