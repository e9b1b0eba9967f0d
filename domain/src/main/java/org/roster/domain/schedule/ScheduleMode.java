package org.roster.domain.schedule;

import java.util.Locale;

/** How a profile's scheduled runs read their source. */
public enum ScheduleMode {
  /** Every scheduled run reads the whole source. */
  FULL,
  /**
   * Scheduled runs read the changes since the last run, with a full run (a reconcile) at least every
   * {@link ProfileSchedule#fullReconcileHours()} hours; sources without incremental reads run full.
   */
  INCREMENTAL;

  /** The API's spelling: full, incremental. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the field {@code mode} */
  public static ScheduleMode fromWire(String value) {
    for (ScheduleMode m : values()) {
      if (m.name().equalsIgnoreCase(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'mode' must be full or incremental, not '" + value + "'");
  }
}
