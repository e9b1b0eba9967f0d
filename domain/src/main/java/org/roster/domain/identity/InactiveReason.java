package org.roster.domain.identity;

/** Why a user is INACTIVE: decides whether a later sync may reactivate the user. */
public enum InactiveReason {
  /** Disabled in the source; reactivated when enabled there again. */
  DISABLED_IN_SOURCE,
  /** "Synchronize only groups": left every synchronized group; reactivated when added back. */
  OUT_OF_GROUPS,
  /** Created with "enable users after import" off; only an admin activates the user. */
  NOT_ENABLED_ON_IMPORT,
  /** Deactivated by an admin; a sync never reactivates the user. */
  BY_ADMIN;

  /** True when the sync itself may turn the user ACTIVE again once the cause is gone. */
  public boolean syncMayReactivate() {
    return this == DISABLED_IN_SOURCE || this == OUT_OF_GROUPS;
  }
}
