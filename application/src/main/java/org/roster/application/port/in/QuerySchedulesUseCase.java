package org.roster.application.port.in;

import java.util.Map;
import java.util.UUID;

/** When profiles run next by their schedules, and when they last did. */
public interface QuerySchedulesUseCase {

  /** The profile's status; {@link ScheduleStatus#NONE} when it never had a schedule. */
  ScheduleStatus status(UUID profileId);

  /** The status of every profile that has or had a schedule, by profile id. */
  Map<UUID, ScheduleStatus> statuses();
}
