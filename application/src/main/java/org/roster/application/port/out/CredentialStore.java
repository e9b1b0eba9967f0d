package org.roster.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Local users' password hashes (never the passwords). Synced users have none: their own directory
 * verifies them. Every method joins the caller's transaction.
 */
public interface CredentialStore {

  /** The user's password hash in {@code PasswordHasher}'s format; empty when it has none. */
  Optional<String> passwordHash(UUID userId);

  /** Sets (or replaces) the user's password hash. */
  void savePasswordHash(UUID userId, String hash, Instant changedAt);

  /** Forgets the user's password (a local user linked to a directory entry); no-op when none. */
  void remove(UUID userId);
}
