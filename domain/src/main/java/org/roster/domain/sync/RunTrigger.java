package org.roster.domain.sync;

/** What started a run. */
public enum RunTrigger {
  SCHEDULE,
  MANUAL,
  FILE,
  IMPORT
}
