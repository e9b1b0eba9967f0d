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
import org.roster.application.port.out.GroupQuery;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.Group;

/**
 * {@link GroupStore} on {@code grp} and {@code group_parent}; inserts through {@link BulkInsert},
 * updates in JDBC batches.
 */
@Singleton
public class JdbcGroupStore implements GroupStore {
  private static final String COLUMNS =
      "id, profile_id, external_id, name, location, deleted, updated_at";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM grp";
  private static final BulkInsert.Table GRP = new BulkInsert.Table("grp", COLUMNS);
  private static final BulkInsert.Table GROUP_PARENT =
      new BulkInsert.Table("group_parent", "group_id, parent_id");
  private static final String PARENTS_BY_PROFILE =
      "SELECT p.group_id, p.parent_id FROM group_parent p"
          + " JOIN grp g ON g.id = p.group_id WHERE g.profile_id = ?";
  private static final String PARENTS_BY_IDS =
      "SELECT group_id, parent_id FROM group_parent WHERE group_id = ANY(?)";

  /** A group's direct membership of a parent group: a row of {@code group_parent}. */
  private record Link(UUID group, UUID parent) {}

  private final Jdbc jdbc;
  private final BulkInsert bulk;

  JdbcGroupStore(Jdbc jdbc, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.bulk = bulk;
  }

  @Override
  public List<Group> findByProfile(UUID profileId) {
    return jdbc.joined(
        c ->
            withParents(
                Sql.list(c, SELECT + " WHERE profile_id = ?", JdbcGroupStore::group, profileId),
                parents(c, PARENTS_BY_PROFILE, profileId)));
  }

  @Override
  public Optional<Group> find(UUID id) {
    return findByIds(List.of(id)).stream().findFirst();
  }

  @Override
  public List<Group> findByIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Sql.Array array = Sql.Array.ofUuids(ids);
    return jdbc.joined(
        c ->
            withParents(
                Sql.list(c, SELECT + " WHERE id = ANY(?)", JdbcGroupStore::group, array),
                parents(c, PARENTS_BY_IDS, array)));
  }

  @Override
  public void insertAll(Collection<Group> groups) {
    jdbc.joinedRun(
        c -> {
          bulk.insert(
              c,
              GRP,
              groups,
              g ->
                  new Object[] {
                    g.id(),
                    g.profileId(),
                    g.externalId(),
                    g.name(),
                    g.location(),
                    g.deleted(),
                    g.updatedAt()
                  });
          insertParents(c, groups);
        });
  }

  @Override
  public void updateAll(Collection<Group> groups) {
    jdbc.joinedRun(
        c -> {
          Sql.batch(
              c,
              "UPDATE grp SET name = ?, location = ?, deleted = ?, updated_at = ? WHERE id = ?",
              groups,
              (ps, g) ->
                  Sql.bindAll(ps, g.name(), g.location(), g.deleted(), g.updatedAt(), g.id()));
          Sql.batch(
              c,
              "DELETE FROM group_parent WHERE group_id = ?",
              groups,
              (ps, g) -> Sql.bind(ps, 1, g.id()));
          insertParents(c, groups);
        });
  }

  @Override
  public Page<Group> search(GroupQuery query, PageRequest page) {
    String text = query.text();
    String pattern = text == null || text.isBlank() ? null : Sql.contains(text.trim());
    Where where =
        new Where()
            .andIf(pattern, "lower(name) LIKE ? ESCAPE '\\'", pattern)
            .andIf(query.profileId(), "profile_id = ?", query.profileId())
            .andIf(query.includeDeleted() ? null : Boolean.TRUE, "deleted = FALSE");
    return jdbc.joined(
        c -> {
          Page<Group> found =
              where.page(c, "grp", COLUMNS, "lower(name), id", page, JdbcGroupStore::group);
          if (found.items().isEmpty()) {
            return found;
          }
          Sql.Array ids = Sql.Array.ofUuids(found.items().stream().map(Group::id).toList());
          Map<UUID, Set<UUID>> parents = parents(c, PARENTS_BY_IDS, ids);
          return new Page<>(
              withParents(found.items(), parents), found.total(), found.page(), found.size());
        });
  }

  @Override
  public Map<UUID, Integer> memberCounts(Collection<UUID> groupIds) {
    if (groupIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Integer> counts = new HashMap<>();
    jdbc.joinedRun(
        c ->
            Sql.stream(
                c,
                "SELECT group_id, count(*) AS members FROM user_group WHERE group_id = ANY(?)"
                    + " GROUP BY group_id",
                rs -> Map.entry(Sql.uuid(rs, "group_id"), rs.getInt("members")),
                e -> counts.put(e.getKey(), e.getValue()),
                Sql.Array.ofUuids(groupIds)));
    return counts;
  }

  private void insertParents(Connection c, Collection<Group> groups) throws SQLException {
    List<Link> links =
        groups.stream().flatMap(g -> g.parentIds().stream().map(p -> new Link(g.id(), p))).toList();
    bulk.insert(c, GROUP_PARENT, links, link -> new Object[] {link.group(), link.parent()});
  }

  private static Map<UUID, Set<UUID>> parents(Connection c, String sql, Object param)
      throws SQLException {
    Map<UUID, Set<UUID>> parents = new HashMap<>();
    Sql.stream(
        c,
        sql,
        rs -> new Link(Sql.uuid(rs, "group_id"), Sql.uuid(rs, "parent_id")),
        link -> parents.computeIfAbsent(link.group(), k -> new HashSet<>()).add(link.parent()),
        param);
    return parents;
  }

  private static List<Group> withParents(List<Group> groups, Map<UUID, Set<UUID>> parents) {
    return groups.stream()
        .map(
            g ->
                g.with(
                    g.name(),
                    g.location(),
                    parents.getOrDefault(g.id(), Set.of()),
                    g.deleted(),
                    g.updatedAt()))
        .toList();
  }

  private static Group group(ResultSet rs) throws SQLException {
    return new Group(
        Sql.uuid(rs, "id"),
        Sql.uuid(rs, "profile_id"),
        rs.getString("external_id"),
        rs.getString("name"),
        rs.getString("location"),
        rs.getBoolean("deleted"),
        Set.of(),
        Sql.instant(rs, "updated_at"));
  }
}
