package org.roster.application.port.in;

import java.util.UUID;

/**
 * The answer to a login check.
 *
 * @param accepted true when the user may log in with that password
 * @param userId the user's Roster id when the login names a user; null otherwise
 * @param reason why it was refused ("wrong password", "user is INACTIVE"); null when accepted
 */
public record LoginResult(boolean accepted, UUID userId, String reason) {
  public static LoginResult accepted(UUID userId) {
    return new LoginResult(true, userId, null);
  }

  public static LoginResult refused(UUID userId, String reason) {
    return new LoginResult(false, userId, reason);
  }
}
