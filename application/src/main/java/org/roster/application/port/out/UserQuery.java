package org.roster.application.port.out;

import java.util.UUID;
import org.roster.domain.identity.UserStatus;

/**
 * A user search; null fields do not filter.
 *
 * @param text matched case-insensitively as a substring of the login, email, display name
 * @param status only users in this state
 * @param profileId only users synced by this profile
 */
public record UserQuery(String text, UserStatus status, UUID profileId) {
  public static final UserQuery ALL = new UserQuery(null, null, null);
}
