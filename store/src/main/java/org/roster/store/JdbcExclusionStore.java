package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.Exclusion;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.sync.Exclusions;

/** {@link ExclusionStore} on the {@code exclusion} table. */
@Singleton
public class JdbcExclusionStore implements ExclusionStore {
  private static final String COLUMNS = "object_type, object_id, created_at, created_by";
  private static final String ADD =
      "INSERT INTO exclusion ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private final Jdbc jdbc;

  JdbcExclusionStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Exclusions load() {
    Set<UUID> users = new HashSet<>();
    Set<UUID> groups = new HashSet<>();
    Set<UUID> roles = new HashSet<>();
    List<Exclusion> rows =
        jdbc.joined(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM exclusion", JdbcExclusionStore::row));
    for (Exclusion e : rows) {
      switch (e.objectType()) {
        case "USER" -> users.add(e.objectId());
        case "GROUP" -> groups.add(e.objectId());
        default -> roles.add(e.objectId());
      }
    }
    return new Exclusions(users, groups, roles);
  }

  @Override
  public boolean add(Exclusion e) {
    return jdbc.joined(
            c -> Sql.update(c, ADD, e.objectType(), e.objectId(), e.createdAt(), e.createdBy()))
        > 0;
  }

  @Override
  public Optional<Exclusion> find(String objectType, UUID objectId) {
    String type = checked(objectType);
    return jdbc.joined(
        c ->
            Sql.one(
                c,
                "SELECT " + COLUMNS + " FROM exclusion WHERE object_type = ? AND object_id = ?",
                JdbcExclusionStore::row,
                type,
                objectId));
  }

  @Override
  public boolean remove(String objectType, UUID objectId) {
    String type = checked(objectType);
    return jdbc.joined(
            c ->
                Sql.update(
                    c,
                    "DELETE FROM exclusion WHERE object_type = ? AND object_id = ?",
                    type,
                    objectId))
        > 0;
  }

  @Override
  public Page<Exclusion> list(String objectType, PageRequest page) {
    Where where =
        new Where()
            .andIf(objectType, "object_type = ?", objectType == null ? null : checked(objectType));
    return jdbc.joined(
        c ->
            where.page(
                c,
                "exclusion",
                COLUMNS,
                "created_at DESC NULLS LAST, object_type, object_id",
                page,
                JdbcExclusionStore::row));
  }

  private static Exclusion row(ResultSet rs) throws SQLException {
    return new Exclusion(
        rs.getString("object_type"),
        Sql.uuid(rs, "object_id"),
        Sql.instant(rs, "created_at"),
        rs.getString("created_by"));
  }

  private static String checked(String objectType) {
    if (!Exclusion.TYPES.contains(objectType)) {
      throw new IllegalArgumentException(
          "'objectType' must be one of " + Exclusion.TYPES + ", not '" + objectType + "'");
    }
    return objectType;
  }
}
