package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.RoleAssignment;
import org.roster.application.port.out.RoleStore;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;

/** {@link RoleStore} on {@code role}, {@code role_group} (bindings) and {@code user_role}. */
@Singleton
public class JdbcRoleStore implements RoleStore {
  private static final String COLUMNS = "id, name, kind, parent_id";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM role";

  /** A binding of a role to a group: a row of {@code role_group}. */
  private record Binding(UUID role, UUID group) {}

  private final Jdbc jdbc;

  JdbcRoleStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Role> all() {
    return jdbc.joined(
        c ->
            withBindings(
                Sql.list(c, SELECT + " ORDER BY name, id", JdbcRoleStore::role),
                bindings(c, "SELECT role_id, group_id FROM role_group")));
  }

  @Override
  public Optional<Role> find(UUID id) {
    return jdbc.joined(
        c ->
            withBindings(
                    Sql.list(c, SELECT + " WHERE id = ?", JdbcRoleStore::role, id),
                    bindings(c, "SELECT role_id, group_id FROM role_group WHERE role_id = ?", id))
                .stream()
                .findFirst());
  }

  @Override
  public void save(Role r) {
    jdbc.joinedRun(
        c -> {
          int updated =
              Sql.update(
                  c,
                  "UPDATE role SET name = ?, kind = ?, parent_id = ? WHERE id = ?",
                  r.name(),
                  r.kind(),
                  r.parentId(),
                  r.id());
          if (updated == 0) {
            Sql.update(
                c,
                "INSERT INTO role (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
                r.id(),
                r.name(),
                r.kind(),
                r.parentId());
          }
          Sql.update(c, "DELETE FROM role_group WHERE role_id = ?", r.id());
          Sql.batch(
              c,
              "INSERT INTO role_group (role_id, group_id) VALUES (?, ?)",
              r.boundGroupIds(),
              (ps, g) -> Sql.bindAll(ps, r.id(), g));
        });
  }

  @Override
  public void delete(UUID id) {
    jdbc.joinedRun(
        c -> {
          Sql.update(c, "DELETE FROM role_group WHERE role_id = ?", id);
          Sql.update(c, "DELETE FROM user_role WHERE role_id = ?", id);
          Sql.update(c, "DELETE FROM role WHERE id = ?", id);
        });
  }

  @Override
  public List<Role> boundTo(Collection<UUID> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    Sql.Array groups = Sql.Array.ofUuids(groupIds);
    String ids = "SELECT role_id FROM role_group WHERE group_id = ANY(?)";
    return jdbc.joined(
        c ->
            withBindings(
                Sql.list(
                    c,
                    SELECT + " WHERE id IN (" + ids + ") ORDER BY name, id",
                    JdbcRoleStore::role,
                    groups),
                bindings(
                    c,
                    "SELECT role_id, group_id FROM role_group WHERE role_id IN (" + ids + ")",
                    groups)));
  }

  @Override
  public int countHolders(UUID roleId) {
    return jdbc.joined(
        c -> (int) Sql.count(c, "SELECT count(*) FROM user_role WHERE role_id = ?", roleId));
  }

  @Override
  public Map<UUID, Set<UUID>> syncedRoleIdsOf(Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Set<UUID>> roles = new HashMap<>();
    jdbc.joinedRun(
        c ->
            Sql.stream(
                c,
                "SELECT user_id, role_id, by_sync FROM user_role WHERE user_id = ANY(?) AND by_sync"
                    + " = TRUE",
                JdbcRoleStore::assignment,
                a -> roles.computeIfAbsent(a.userId(), k -> new HashSet<>()).add(a.roleId()),
                Sql.Array.ofUuids(userIds)));
    return roles;
  }

  @Override
  public List<RoleAssignment> assignmentsOf(UUID userId) {
    return jdbc.joined(
        c ->
            Sql.list(
                c,
                "SELECT user_id, role_id, by_sync FROM user_role WHERE user_id = ? ORDER BY"
                    + " role_id",
                JdbcRoleStore::assignment,
                userId));
  }

  @Override
  public void addAssignments(Collection<RoleAssignment> assignments) {
    jdbc.joinedRun(
        c ->
            Sql.batch(
                c,
                "INSERT INTO user_role (user_id, role_id, by_sync) VALUES (?, ?, ?) ON CONFLICT DO"
                    + " NOTHING",
                assignments,
                (ps, a) -> Sql.bindAll(ps, a.userId(), a.roleId(), a.bySync())));
  }

  @Override
  public void removeSyncedAssignments(Collection<RoleAssignment> assignments) {
    jdbc.joinedRun(
        c ->
            Sql.batch(
                c,
                "DELETE FROM user_role WHERE user_id = ? AND role_id = ? AND by_sync = TRUE",
                assignments,
                (ps, a) -> Sql.bindAll(ps, a.userId(), a.roleId())));
  }

  private static Map<UUID, Set<UUID>> bindings(Connection c, String sql, Object... params)
      throws SQLException {
    Map<UUID, Set<UUID>> bound = new HashMap<>();
    Sql.stream(
        c,
        sql,
        rs -> new Binding(Sql.uuid(rs, "role_id"), Sql.uuid(rs, "group_id")),
        b -> bound.computeIfAbsent(b.role(), k -> new HashSet<>()).add(b.group()),
        params);
    return bound;
  }

  private static List<Role> withBindings(List<Role> roles, Map<UUID, Set<UUID>> bindings) {
    return roles.stream().map(r -> r.boundTo(bindings.getOrDefault(r.id(), Set.of()))).toList();
  }

  private static Role role(ResultSet rs) throws SQLException {
    return Role.unbound(
        Sql.uuid(rs, "id"),
        rs.getString("name"),
        RoleKind.valueOf(rs.getString("kind")),
        Sql.uuid(rs, "parent_id"));
  }

  private static RoleAssignment assignment(ResultSet rs) throws SQLException {
    return new RoleAssignment(
        Sql.uuid(rs, "user_id"), Sql.uuid(rs, "role_id"), rs.getBoolean("by_sync"));
  }
}
