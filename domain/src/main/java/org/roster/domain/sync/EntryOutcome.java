package org.roster.domain.sync;

/** What a run did (or, in a dry run or before confirmation, would do) with one entry. */
public enum EntryOutcome {
  CREATED,
  UPDATED,
  UNCHANGED,
  DISABLED,
  REACTIVATED,
  DELETED,
  BLOCKED,
  RELEASED,
  CONFLICT,
  SKIPPED,
  FAILED
}
