package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.roster.application.port.out.LicenceStore;
import org.roster.domain.licence.LicencePool;

/**
 * {@link LicenceStore}: the limit is the one row of {@code licence_pool}; the seats held are the
 * users with {@code seat = TRUE}.
 */
@Singleton
public class JdbcLicenceStore implements LicenceStore {
  private final Jdbc jdbc;

  JdbcLicenceStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public LicencePool lockPool() {
    return jdbc.joined(c -> pool(c, " FOR UPDATE", false));
  }

  @Override
  public LicencePool pool() {
    return jdbc.joined(c -> pool(c, "", true));
  }

  @Override
  public void setLimit(Optional<Integer> limit) {
    jdbc.joinedRun(
        c ->
            Sql.update(
                c, "UPDATE licence_pool SET seat_limit = ? WHERE id = 1", limit.orElse(null)));
  }

  /**
   * @param countUnlimited count the seats of an unlimited pool too (for display); a run deciding
   *     seats needs no count when there is no limit, and the count reads every user
   */
  private static LicencePool pool(Connection c, String lock, boolean countUnlimited)
      throws SQLException {
    List<Integer> limits =
        Sql.list(
            c,
            "SELECT seat_limit FROM licence_pool WHERE id = 1" + lock,
            rs -> Sql.integer(rs, "seat_limit"));
    if (limits.isEmpty()) {
      throw new IllegalStateException("the licence_pool row is missing (see V1__schema.sql)");
    }
    Integer limit = limits.get(0);
    if (limit == null && !countUnlimited) {
      return LicencePool.unlimited(0);
    }
    int used = (int) Sql.count(c, "SELECT count(*) FROM app_user WHERE seat = TRUE");
    return new LicencePool(limit, used);
  }
}
