package org.roster.store;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.roster.application.port.out.KnownUser;
import org.roster.application.port.out.Membership;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.UserQuery;
import org.roster.application.port.out.UserStore;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;

/**
 * {@link UserStore} on {@code app_user} and {@code user_group}; inserts through {@link BulkInsert},
 * other bulk writes in JDBC batches.
 */
@Singleton
public class JdbcUserStore implements UserStore {
  private static final String SELECT = "SELECT " + UserRows.COLUMNS + " FROM app_user";
  private static final String LIVE = " AND status <> 'DELETED'";
  private static final BulkInsert.Table USER_GROUP =
      new BulkInsert.Table("user_group", "user_id, group_id");

  private final Jdbc jdbc;
  private final BulkInsert bulk;
  private final UserRows rows;

  JdbcUserStore(Jdbc jdbc, BulkInsert bulk, JsonCodec json) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.rows = new UserRows(json);
  }

  @Override
  public void forEachKnown(UUID profileId, Consumer<KnownUser> consumer) {
    jdbc.joinedRun(c -> Sql.stream(c, UserRows.KNOWN, UserRows::known, consumer, profileId));
  }

  @Override
  public List<User> findByIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.joined(
        c -> Sql.list(c, SELECT + " WHERE id = ANY(?)", rows::user, Sql.Array.ofUuids(ids)));
  }

  @Override
  public List<User> findByExternalIds(UUID profileId, Collection<String> externalIds) {
    if (externalIds.isEmpty()) {
      return List.of();
    }
    return jdbc.joined(
        c ->
            Sql.list(
                c,
                SELECT + " WHERE profile_id = ? AND external_id = ANY(?)",
                rows::user,
                profileId,
                Sql.Array.ofStrings(externalIds)));
  }

  @Override
  public List<User> findByLoginKeys(Collection<String> loginKeys) {
    if (loginKeys.isEmpty()) {
      return List.of();
    }
    return jdbc.joined(
        c ->
            Sql.list(
                c,
                SELECT + " WHERE login_key = ANY(?)" + LIVE,
                rows::user,
                Sql.Array.ofStrings(loginKeys)));
  }

  @Override
  public Optional<User> find(UUID id) {
    return jdbc.joined(c -> Sql.one(c, SELECT + " WHERE id = ?", rows::user, id));
  }

  @Override
  public Optional<User> findByLogin(String login) {
    return jdbc.joined(
        c ->
            Sql.one(
                c,
                SELECT + " WHERE login_key = ?" + LIVE + " ORDER BY created_at, id LIMIT 1",
                rows::user,
                User.loginKey(login)));
  }

  @Override
  public void insertAll(Collection<User> users) {
    jdbc.joinedRun(c -> bulk.insert(c, UserRows.TABLE, users, rows::insertValues));
  }

  @Override
  public void updateAll(Collection<User> users) {
    jdbc.joinedRun(c -> Sql.batch(c, UserRows.UPDATE, users, rows::bindUpdate));
  }

  @Override
  public Page<User> search(UserQuery query, PageRequest page) {
    String text =
        query.text() == null || query.text().isBlank() ? null : Sql.contains(query.text().trim());
    Where where =
        new Where()
            .andIf(
                text,
                "(login_key LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\'"
                    + " OR lower(display_name) LIKE ? ESCAPE '\\')",
                text,
                text,
                text)
            .andIf(query.status(), "status = ?", query.status())
            .andIf(query.profileId(), "profile_id = ?", query.profileId())
            .andIf(
                query.groupId(),
                "id IN (SELECT user_id FROM user_group WHERE group_id = ?)",
                query.groupId())
            .andIf(
                query.roleId(),
                "id IN (SELECT user_id FROM user_role WHERE role_id = ?)",
                query.roleId())
            .andIf(
                query.local(),
                Boolean.TRUE.equals(query.local()) ? "profile_id IS NULL" : "profile_id IS NOT NULL");
    return jdbc.joined(
        c -> where.page(c, "app_user", UserRows.COLUMNS, "login_key, id", page, rows::user));
  }

  @Override
  public List<User> blockedQueue(int limit) {
    return jdbc.joined(
        c ->
            Sql.list(
                c,
                SELECT + " WHERE status = ? ORDER BY blocked_since, id LIMIT ?",
                rows::user,
                UserStatus.BLOCKED,
                limit));
  }

  @Override
  public Page<User> blocked(PageRequest page) {
    Where where = new Where().andIf(UserStatus.BLOCKED, "status = ?", UserStatus.BLOCKED);
    return jdbc.joined(
        c ->
            where.page(
                c, "app_user", UserRows.COLUMNS, "blocked_since, id", page, rows::user));
  }

  @Override
  public int countSeats() {
    return jdbc.joined(c -> (int) Sql.count(c, "SELECT count(*) FROM app_user WHERE seat = TRUE"));
  }

  @Override
  public int countLive(UUID profileId) {
    return jdbc.joined(
        c ->
            (int)
                Sql.count(
                    c, "SELECT count(*) FROM app_user WHERE profile_id = ?" + LIVE, profileId));
  }

  @Override
  public Map<UUID, Set<UUID>> groupIdsOf(Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Set<UUID>> groups = new HashMap<>();
    jdbc.joinedRun(
        c ->
            Sql.stream(
                c,
                "SELECT user_id, group_id FROM user_group WHERE user_id = ANY(?)",
                rs -> new Membership(Sql.uuid(rs, "user_id"), Sql.uuid(rs, "group_id")),
                m -> groups.computeIfAbsent(m.userId(), k -> new HashSet<>()).add(m.groupId()),
                Sql.Array.ofUuids(userIds)));
    return groups;
  }

  /** Adds memberships; one that already exists is left as it is. */
  @Override
  public void addMemberships(Collection<Membership> memberships) {
    jdbc.joinedRun(
        c ->
            Sql.batch(
                c,
                "INSERT INTO user_group (user_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                memberships,
                (ps, m) -> Sql.bindAll(ps, m.userId(), m.groupId())));
  }

  /** Plain inserts (COPY on PostgreSQL): a membership that exists fails the call. */
  @Override
  public void insertMemberships(Collection<Membership> memberships) {
    jdbc.joinedRun(
        c ->
            bulk.insert(
                c, USER_GROUP, memberships, m -> new Object[] {m.userId(), m.groupId()}));
  }

  @Override
  public void removeMemberships(Collection<Membership> memberships) {
    jdbc.joinedRun(
        c ->
            Sql.batch(
                c,
                "DELETE FROM user_group WHERE user_id = ? AND group_id = ?",
                memberships,
                (ps, m) -> Sql.bindAll(ps, m.userId(), m.groupId())));
  }

  @Override
  public List<UUID> memberIds(UUID groupId) {
    return jdbc.joined(
        c ->
            Sql.list(
                c,
                "SELECT user_id FROM user_group WHERE group_id = ?",
                rs -> Sql.uuid(rs, "user_id"),
                groupId));
  }
}
