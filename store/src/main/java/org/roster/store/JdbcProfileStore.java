package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.out.ProfileState;
import org.roster.application.port.out.ProfileStore;
import org.roster.domain.sync.Profile;

/** {@link ProfileStore} on the {@code profile} and {@code profile_state} tables. */
@Singleton
public class JdbcProfileStore implements ProfileStore {
  private static final String COLUMNS =
      "id, name, type, settings, policy, enabled, created_at, updated_at, schedule";

  private final Jdbc jdbc;
  private final SettingsCodec settings;
  private final PolicyCodec policies;
  private final ScheduleCodec schedules;

  JdbcProfileStore(
      Jdbc jdbc, SettingsCodec settings, PolicyCodec policies, ScheduleCodec schedules) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.policies = policies;
    this.schedules = schedules;
  }

  @Override
  public void save(Profile p) {
    String settingsText = settings.encode(p.settings());
    String policyText = policies.encode(p.policy());
    String scheduleText = schedules.encode(p.schedule());
    jdbc.joinedRun(
        c -> {
          int updated =
              Sql.update(
                  c,
                  "UPDATE profile SET name = ?, type = ?, settings = ?, policy = ?, enabled = ?,"
                      + " created_at = ?, updated_at = ?, schedule = ? WHERE id = ?",
                  p.name(),
                  p.type(),
                  settingsText,
                  policyText,
                  p.enabled(),
                  p.createdAt(),
                  p.updatedAt(),
                  scheduleText,
                  p.id());
          if (updated == 0) {
            Sql.update(
                c,
                "INSERT INTO profile (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(),
                p.name(),
                p.type(),
                settingsText,
                policyText,
                p.enabled(),
                p.createdAt(),
                p.updatedAt(),
                scheduleText);
          }
        });
  }

  @Override
  public Optional<Profile> find(UUID id) {
    return jdbc.joined(
        c -> Sql.one(c, "SELECT " + COLUMNS + " FROM profile WHERE id = ?", this::profile, id));
  }

  @Override
  public Optional<Profile> findByName(String name) {
    return jdbc.joined(
        c -> Sql.one(c, "SELECT " + COLUMNS + " FROM profile WHERE name = ?", this::profile, name));
  }

  @Override
  public List<Profile> list() {
    return jdbc.joined(
        c -> Sql.list(c, "SELECT " + COLUMNS + " FROM profile ORDER BY name", this::profile));
  }

  @Override
  public void delete(UUID id) {
    jdbc.joinedRun(
        c -> {
          Sql.update(c, "DELETE FROM profile_state WHERE profile_id = ?", id);
          Sql.update(c, "DELETE FROM profile WHERE id = ?", id);
        });
  }

  @Override
  public ProfileState state(UUID profileId) {
    return jdbc.joined(
            c ->
                Sql.one(
                    c,
                    "SELECT sync_token, fingerprint, last_full_run_at FROM profile_state WHERE"
                        + " profile_id = ?",
                    rs ->
                        new ProfileState(
                            profileId,
                            rs.getString("sync_token"),
                            rs.getString("fingerprint"),
                            Sql.instant(rs, "last_full_run_at")),
                    profileId))
        .orElse(ProfileState.empty(profileId));
  }

  @Override
  public void saveState(ProfileState s) {
    jdbc.joinedRun(
        c -> {
          int updated =
              Sql.update(
                  c,
                  "UPDATE profile_state SET sync_token = ?, fingerprint = ?, last_full_run_at = ?"
                      + " WHERE profile_id = ?",
                  s.syncToken(),
                  s.fingerprint(),
                  s.lastFullRunAt(),
                  s.profileId());
          if (updated == 0) {
            Sql.update(
                c,
                "INSERT INTO profile_state (profile_id, sync_token, fingerprint, last_full_run_at)"
                    + " VALUES (?, ?, ?, ?)",
                s.profileId(),
                s.syncToken(),
                s.fingerprint(),
                s.lastFullRunAt());
          }
        });
  }

  private Profile profile(ResultSet rs) throws SQLException {
    return new Profile(
        Sql.uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("type"),
        settings.decode(rs.getString("settings")),
        policies.decode(rs.getString("policy")),
        rs.getBoolean("enabled"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        schedules.decode(rs.getString("schedule")));
  }
}
