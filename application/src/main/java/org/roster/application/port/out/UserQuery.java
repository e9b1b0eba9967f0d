package org.roster.application.port.out;

import java.util.UUID;
import org.roster.domain.identity.UserStatus;

/**
 * A user search; null fields do not filter.
 *
 * @param text matched case-insensitively as a substring of the login, email, display name
 * @param status only users in this state
 * @param profileId only users synced by this profile
 * @param groupId only direct members of this group
 * @param roleId only users holding this role (sync-given or admin-given)
 * @param local true: only local (non-synced) users; false: only synced users
 */
public record UserQuery(
    String text, UserStatus status, UUID profileId, UUID groupId, UUID roleId, Boolean local) {
  public static final UserQuery ALL = new UserQuery(null, null, null);

  /** A search by text, status and profile. */
  public UserQuery(String text, UserStatus status, UUID profileId) {
    this(text, status, profileId, null, null, null);
  }
}
