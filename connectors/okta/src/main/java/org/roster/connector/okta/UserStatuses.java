package org.roster.connector.okta;

import com.okta.sdk.resource.model.UserStatus;
import java.util.Optional;

/**
 * What an Okta user status means for Roster (DESIGN rule 6), see <a
 * href="https://developer.okta.com/docs/concepts/user-lifecycle/">the user lifecycle</a>: ACTIVE,
 * PASSWORD_EXPIRED, RECOVERY and PROVISIONED (activated, password not yet set) are enabled;
 * SUSPENDED is disabled; STAGED (never activated) is disabled; LOCKED_OUT is disabled unless {@code
 * lockedOutIsDisabled} is off (a lockout is what OpenLDAP's {@code pwdAccountLockedTime} means, and
 * unlocking enables the user again); DEPROVISIONED is deleted.
 */
final class UserStatuses {
  private UserStatuses() {}

  /** True for DEPROVISIONED: Roster deletes such a user. */
  static boolean deleted(UserStatus status) {
    return status == UserStatus.DEPROVISIONED;
  }

  /**
   * Whether the user is enabled; empty for DEPROVISIONED or a status this connector does not know.
   */
  static Optional<Boolean> enabled(UserStatus status, boolean lockedOutIsDisabled) {
    if (status == null) {
      return Optional.empty();
    }
    return switch (status) {
      case ACTIVE, PASSWORD_EXPIRED, RECOVERY, PROVISIONED -> Optional.of(true);
      case SUSPENDED, STAGED -> Optional.of(false);
      case LOCKED_OUT -> Optional.of(!lockedOutIsDisabled);
      default -> Optional.empty();
    };
  }
}
