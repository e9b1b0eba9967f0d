package org.roster.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.roster.application.port.out.KnownUser;
import org.roster.connector.api.UserFields;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;

/** How a {@link User} maps to a row of {@code app_user}. */
final class UserRows {
  static final String COLUMNS =
      "id, profile_id, external_id, login, login_key, status,"
          + " inactive_reason, attributes, email, display_name, location, seat, protected_user,"
          + " blocked_since, source_hash, created_at, updated_at";
  static final String INSERT =
      "INSERT INTO app_user ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String UPDATE =
      "UPDATE app_user SET profile_id = ?, external_id = ?, login = ?,"
          + " login_key = ?, status = ?, inactive_reason = ?, attributes = ?, email = ?,"
          + " display_name = ?, location = ?, seat = ?, protected_user = ?, blocked_since = ?,"
          + " source_hash = ?, updated_at = ? WHERE id = ?";
  static final String KNOWN =
      "SELECT id, external_id, status, source_hash FROM app_user WHERE profile_id = ?";

  private final JsonCodec json;

  UserRows(JsonCodec json) {
    this.json = json;
  }

  void bindInsert(PreparedStatement ps, User u) throws SQLException {
    Sql.bind(ps, 1, u.id());
    bindFields(ps, 2, u);
    Sql.bind(ps, 16, u.createdAt());
    Sql.bind(ps, 17, u.updatedAt());
  }

  void bindUpdate(PreparedStatement ps, User u) throws SQLException {
    bindFields(ps, 1, u);
    Sql.bind(ps, 15, u.updatedAt());
    Sql.bind(ps, 16, u.id());
  }

  /** profile_id to source_hash: 14 parameters from {@code first}. */
  private void bindFields(PreparedStatement ps, int first, User u) throws SQLException {
    Object[] values = {
      u.profileId(),
      u.externalId(),
      u.login(),
      u.loginKey(),
      u.status(),
      u.inactiveReason(),
      json.write(u.attributes()),
      u.attribute(UserFields.EMAIL),
      u.attribute(UserFields.DISPLAY_NAME),
      u.location(),
      u.seat(),
      u.protectedUser(),
      u.blockedSince(),
      u.sourceHash()
    };
    for (int i = 0; i < values.length; i++) {
      Sql.bind(ps, first + i, values[i]);
    }
  }

  User user(ResultSet rs) throws SQLException {
    return new User(
        Sql.uuid(rs, "id"),
        Sql.uuid(rs, "profile_id"),
        rs.getString("external_id"),
        rs.getString("login"),
        UserStatus.valueOf(rs.getString("status")),
        Sql.enumOf(InactiveReason.class, rs.getString("inactive_reason")),
        json.stringMap(rs.getString("attributes")),
        rs.getString("location"),
        rs.getBoolean("seat"),
        rs.getBoolean("protected_user"),
        Sql.instant(rs, "blocked_since"),
        rs.getString("source_hash"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }

  /** A row of {@link #KNOWN}. */
  static KnownUser known(ResultSet rs) throws SQLException {
    return new KnownUser(
        rs.getObject(1, java.util.UUID.class),
        rs.getString(2),
        UserStatus.valueOf(rs.getString(3)),
        rs.getString(4));
  }
}
