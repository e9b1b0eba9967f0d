package org.roster.application.port.out;

import java.time.Instant;
import java.util.UUID;

/**
 * A profile's place in the schedule, as every node sharing the database sees it.
 *
 * @param profileId the profile
 * @param nextRunAt when its next scheduled run is due; null when it does not run by itself (no
 *     schedule, or disabled)
 * @param lastRunAt when its last scheduled run was asked for; null before the first
 * @param lastRunId that run; null before the first
 */
public record ScheduleSlot(UUID profileId, Instant nextRunAt, Instant lastRunAt, UUID lastRunId) {
  public static ScheduleSlot none(UUID profileId) {
    return new ScheduleSlot(profileId, null, null, null);
  }
}
