package org.roster.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import org.roster.domain.sync.RunMode;

/**
 * When a profile runs by itself and how its scheduled runs read.
 *
 * @param timing when it runs
 * @param mode full every time, or incremental with a periodic full reconcile
 * @param fullReconcileHours with {@link ScheduleMode#INCREMENTAL}: a scheduled run is full when the
 *     profile's last full run (scheduled or not) is this many hours old or older
 */
public record ProfileSchedule(Schedule timing, ScheduleMode mode, int fullReconcileHours) {
  public static final int DEFAULT_FULL_RECONCILE_HOURS = 24;
  /** A year: a reconcile at least once a year is the least a sync should do. */
  public static final int MAX_FULL_RECONCILE_HOURS = 8784;

  public ProfileSchedule {
    if (timing == null) {
      throw new IllegalArgumentException("'timing' must not be null");
    }
    if (mode == null) {
      throw new IllegalArgumentException("'mode' must not be null");
    }
    WallClock.between(fullReconcileHours, 1, MAX_FULL_RECONCILE_HOURS, "fullReconcileHours");
  }

  /** Incremental runs with a full reconcile every {@value #DEFAULT_FULL_RECONCILE_HOURS} hours. */
  public static ProfileSchedule of(Schedule timing) {
    return new ProfileSchedule(timing, ScheduleMode.INCREMENTAL, DEFAULT_FULL_RECONCILE_HOURS);
  }

  /**
   * The mode of the scheduled run due at {@code now}. Incremental only when the mode asks for it,
   * the source left a watermark (only sources that read incrementally do) and the last full run is
   * younger than {@link #fullReconcileHours}; full otherwise.
   *
   * @param hasWatermark whether the profile's last run saved an incremental watermark
   * @param lastFullRunAt when the profile's last full run was applied; null when never
   */
  public RunMode runModeAt(Instant now, boolean hasWatermark, Instant lastFullRunAt) {
    boolean reconcileDue = lastFullRunAt == null
        || !lastFullRunAt.plus(Duration.ofHours(fullReconcileHours)).isAfter(now);
    return mode == ScheduleMode.INCREMENTAL && hasWatermark && !reconcileDue
        ? RunMode.INCREMENTAL
        : RunMode.FULL;
  }
}
