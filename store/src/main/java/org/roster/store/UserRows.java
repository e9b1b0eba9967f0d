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
  static final BulkInsert.Table TABLE = new BulkInsert.Table("app_user", COLUMNS);
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

  /** The values of {@link #COLUMNS}. */
  Object[] insertValues(User u) {
    Object[] values = new Object[17];
    values[0] = u.id();
    fields(values, 1, u);
    values[15] = u.createdAt();
    values[16] = u.updatedAt();
    return values;
  }

  void bindUpdate(PreparedStatement ps, User u) throws SQLException {
    Object[] values = new Object[16];
    fields(values, 0, u);
    values[14] = u.updatedAt();
    values[15] = u.id();
    Sql.bindAll(ps, values);
  }

  /** profile_id to source_hash: 14 values from {@code first}. */
  private void fields(Object[] values, int first, User u) {
    values[first] = u.profileId();
    values[first + 1] = u.externalId();
    values[first + 2] = u.login();
    values[first + 3] = u.loginKey();
    values[first + 4] = u.status();
    values[first + 5] = u.inactiveReason();
    values[first + 6] = json.writeStrings(u.attributes());
    values[first + 7] = u.attribute(UserFields.EMAIL);
    values[first + 8] = u.attribute(UserFields.DISPLAY_NAME);
    values[first + 9] = u.location();
    values[first + 10] = u.seat();
    values[first + 11] = u.protectedUser();
    values[first + 12] = u.blockedSince();
    values[first + 13] = u.sourceHash();
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
