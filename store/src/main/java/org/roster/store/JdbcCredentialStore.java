package org.roster.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.out.CredentialStore;

/** {@link CredentialStore} on {@code local_password}. */
@Singleton
public class JdbcCredentialStore implements CredentialStore {
  private final Jdbc jdbc;

  JdbcCredentialStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> passwordHash(UUID userId) {
    return jdbc.joined(
        c ->
            Sql.one(
                c,
                "SELECT password_hash FROM local_password WHERE user_id = ?",
                rs -> rs.getString("password_hash"),
                userId));
  }

  @Override
  public void savePasswordHash(UUID userId, String hash, Instant changedAt) {
    jdbc.joinedRun(
        c -> {
          int updated =
              Sql.update(
                  c,
                  "UPDATE local_password SET password_hash = ?, changed_at = ? WHERE user_id = ?",
                  hash,
                  changedAt,
                  userId);
          if (updated == 0) {
            Sql.update(
                c,
                "INSERT INTO local_password (user_id, password_hash, changed_at) VALUES (?, ?, ?)",
                userId,
                hash,
                changedAt);
          }
        });
  }

  @Override
  public void remove(UUID userId) {
    jdbc.joinedRun(c -> Sql.update(c, "DELETE FROM local_password WHERE user_id = ?", userId));
  }
}
