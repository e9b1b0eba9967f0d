package org.roster.application.port.in;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a profile stands in its schedule.
 *
 * @param nextRunAt when its next scheduled run is due; null when it does not run by itself
 * @param lastRunAt when its last scheduled run was asked for; null before the first
 * @param lastRunId that run; null before the first
 */
public record ScheduleStatus(Instant nextRunAt, Instant lastRunAt, UUID lastRunId) {
  public static final ScheduleStatus NONE = new ScheduleStatus(null, null, null);
}
