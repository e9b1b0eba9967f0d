package org.roster.domain.identity;

/** What a local admin account may do. */
public enum AdminRole {
  /** Everything. */
  SYSADMIN,
  /** Profiles and runs. */
  SYNC_ADMIN,
  /** Users, release of seats, audit, run now. */
  PEOPLE_ADMIN
}
