package org.roster.domain.sync;

import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.UserStatus;

/**
 * The status a synced user should have from what its source says, before licence seats are
 * counted.
 *
 * @param status ACTIVE (wants a seat), INACTIVE, or the current status when nothing changes it
 * @param reason why INACTIVE; null otherwise
 * @param protectedKept true when the rules asked to deactivate a protected user and were refused
 */
public record StatusDecision(UserStatus status, InactiveReason reason, boolean protectedKept) {

  /**
   * The rules of DESIGN.md 3, 6 and 7 as one function.
   *
   * @param current the user's status now; null when the user is new (or DELETED and back)
   * @param currentReason why the user is INACTIVE now; null otherwise
   * @param protectedUser an owner, never deactivated by a sync
   * @param enabledInSource the source's enabled flag
   * @param inSynchronizedGroups member (direct or nested, per profile) of a synchronized group
   * @param policy the profile's policy
   */
  public static StatusDecision decide(
      UserStatus current,
      InactiveReason currentReason,
      boolean protectedUser,
      boolean enabledInSource,
      boolean inSynchronizedGroups,
      SyncPolicy policy) {
    boolean outOfGroups = policy.synchronizeOnlyGroups() && !inSynchronizedGroups;
    if (current == null || current == UserStatus.DELETED) {
      if (!enabledInSource) {
        return inactive(InactiveReason.DISABLED_IN_SOURCE);
      }
      if (outOfGroups) {
        return inactive(InactiveReason.OUT_OF_GROUPS);
      }
      if (!policy.enableUsersAfterImport()) {
        return inactive(InactiveReason.NOT_ENABLED_ON_IMPORT);
      }
      return new StatusDecision(UserStatus.ACTIVE, null, false);
    }
    if (current == UserStatus.INACTIVE && !currentReason.syncMayReactivate()) {
      return new StatusDecision(current, currentReason, false); // only an admin lifts this
    }
    InactiveReason cause = !enabledInSource ? InactiveReason.DISABLED_IN_SOURCE
        : outOfGroups ? InactiveReason.OUT_OF_GROUPS : null;
    if (cause != null) {
      if (protectedUser && current != UserStatus.INACTIVE) {
        return new StatusDecision(current, currentReason, true);
      }
      return inactive(cause);
    }
    if (current == UserStatus.INACTIVE) {
      return new StatusDecision(UserStatus.ACTIVE, null, false); // the cause is gone: reactivate
    }
    return new StatusDecision(current, null, false); // ACTIVE stays, BLOCKED waits for a seat
  }

  private static StatusDecision inactive(InactiveReason reason) {
    return new StatusDecision(UserStatus.INACTIVE, reason, false);
  }
}
