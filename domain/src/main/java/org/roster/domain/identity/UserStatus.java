package org.roster.domain.identity;

/** The life-cycle state of a user in Roster's own store. */
public enum UserStatus {
  /** May log in; holds a licence seat when the profile grants licences. */
  ACTIVE,
  /** Disabled (in the source, out of the synchronized groups, or by an admin); login refused. */
  INACTIVE,
  /** Would be active but no licence seat was free; waits first-come for one; login refused. */
  BLOCKED,
  /** Deleted in the source; kept for audit, login refused, seat freed. */
  DELETED;

  public boolean canLogin() {
    return this == ACTIVE;
  }
}
