package org.roster.store;

import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.ExclusionStore;
import org.roster.domain.sync.Exclusions;

/** {@link ExclusionStore} on the {@code exclusion} table. */
@Singleton
public class JdbcExclusionStore implements ExclusionStore {
  private static final String ADD =
      "INSERT INTO exclusion (object_type, object_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
  private static final List<String> TYPES = List.of("USER", "GROUP", "ROLE");

  private final Jdbc jdbc;

  JdbcExclusionStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Exclusions load() {
    Set<UUID> users = new HashSet<>();
    Set<UUID> groups = new HashSet<>();
    Set<UUID> roles = new HashSet<>();
    List<Excluded> rows =
        jdbc.joined(
            c ->
                Sql.list(
                    c,
                    "SELECT object_type, object_id FROM exclusion",
                    rs -> new Excluded(rs.getString("object_type"), Sql.uuid(rs, "object_id"))));
    for (Excluded e : rows) {
      switch (e.type()) {
        case "USER" -> users.add(e.id());
        case "GROUP" -> groups.add(e.id());
        default -> roles.add(e.id());
      }
    }
    return new Exclusions(users, groups, roles);
  }

  @Override
  public void add(String objectType, UUID objectId) {
    String type = checked(objectType);
    jdbc.joinedRun(c -> Sql.update(c, ADD, type, objectId));
  }

  @Override
  public void remove(String objectType, UUID objectId) {
    String type = checked(objectType);
    jdbc.joinedRun(
        c ->
            Sql.update(
                c,
                "DELETE FROM exclusion WHERE object_type = ? AND object_id = ?",
                type,
                objectId));
  }

  /** One row of {@code exclusion}. */
  private record Excluded(String type, UUID id) {}

  private static String checked(String objectType) {
    if (!TYPES.contains(objectType)) {
      throw new IllegalArgumentException(
          "'objectType' must be one of " + TYPES + ", not '" + objectType + "'");
    }
    return objectType;
  }
}
