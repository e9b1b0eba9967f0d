package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.out.ApiTokenStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.ApiToken;

/** {@link ApiTokenStore} on {@code api_token}; roles as comma-separated names. */
@Singleton
public class JdbcApiTokenStore implements ApiTokenStore {
  private static final String COLUMNS =
      "id, name, owner, roles, hint, created_at, expires_at, last_used_at";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM api_token";

  private final Jdbc jdbc;

  JdbcApiTokenStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(ApiToken t, String hash) {
    jdbc.joinedRun(c -> Sql.update(c,
        "INSERT INTO api_token (" + COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(), t.name(), t.owner(), JdbcAdminAccountStore.roleNames(t.roles()), t.hint(),
        t.createdAt(), t.expiresAt(), t.lastUsedAt(), hash));
  }

  @Override
  public Optional<ApiToken> findByHash(String hash) {
    return jdbc.joined(c -> Sql.one(c, SELECT + " WHERE token_hash = ?", JdbcApiTokenStore::token,
        hash));
  }

  @Override
  public Optional<ApiToken> find(UUID id) {
    return jdbc.joined(c -> Sql.one(c, SELECT + " WHERE id = ?", JdbcApiTokenStore::token, id));
  }

  @Override
  public Page<ApiToken> list(String owner, PageRequest page) {
    return jdbc.joined(c -> {
      String where = owner == null ? "" : " WHERE owner = ?";
      Object[] params = owner == null ? new Object[0] : new Object[] {owner};
      long total = Sql.count(c, "SELECT count(*) FROM api_token" + where, params);
      Object[] paged = owner == null
          ? new Object[] {page.size(), page.offset()}
          : new Object[] {owner, page.size(), page.offset()};
      return new Page<>(Sql.list(c, SELECT + where
              + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?", JdbcApiTokenStore::token, paged),
          total, page.page(), page.size());
    });
  }

  @Override
  public boolean delete(UUID id) {
    return jdbc.joined(c -> Sql.update(c, "DELETE FROM api_token WHERE id = ?", id)) > 0;
  }

  @Override
  public int deleteByOwner(String owner) {
    return jdbc.joined(c -> Sql.update(c, "DELETE FROM api_token WHERE owner = ?", owner));
  }

  @Override
  public void touch(UUID id, Instant at) {
    jdbc.joinedRun(c -> Sql.update(c, "UPDATE api_token SET last_used_at = ? WHERE id = ?", at, id));
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        Sql.uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("owner"),
        JdbcAdminAccountStore.roles(rs.getString("roles")),
        rs.getString("hint"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "expires_at"),
        Sql.instant(rs, "last_used_at"));
  }
}
