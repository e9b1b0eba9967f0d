package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V3 on a database that holds data of V1: a role's one bound group becomes a row of {@code
 * role_group}, and older exclusions keep their place without a time or author.
 */
class AdminMigrationTest {
  private static final String URL = "jdbc:h2:mem:admin-migration;MODE=PostgreSQL;"
      + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  @Test
  void v3MovesTheBindingsOverAndKeepsExclusions() throws SQLException {
    UUID bound = UUID.randomUUID();
    UUID unbound = UUID.randomUUID();
    UUID group = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    Flyway.configure().dataSource(URL, "sa", "").target("1").load().migrate();
    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO role (id, name, kind, parent_id, bound_group_id) VALUES ('" + bound
          + "', 'Sales', 'FUNCTIONAL', NULL, '" + group + "')");
      s.execute("INSERT INTO role (id, name, kind, parent_id, bound_group_id) VALUES ('" + unbound
          + "', 'Other', 'FUNCTIONAL', NULL, NULL)");
      s.execute("INSERT INTO exclusion (object_type, object_id) VALUES ('USER', '" + user + "')");
    }

    Flyway.configure().dataSource(URL, "sa", "").load().migrate();

    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT role_id, group_id FROM role_group")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject("role_id", UUID.class)).isEqualTo(bound);
        assertThat(rs.getObject("group_id", UUID.class)).isEqualTo(group);
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM role")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
      try (ResultSet rs = s.executeQuery("SELECT object_id, created_at, created_by FROM exclusion")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject("object_id", UUID.class)).isEqualTo(user);
        assertThat(rs.getObject("created_at")).isNull();
        assertThat(rs.getString("created_by")).isNull();
      }
    }
  }
}
