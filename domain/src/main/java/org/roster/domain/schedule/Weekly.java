package org.roster.domain.schedule;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Every week on {@code dayOfWeek} at {@code time} in the zone. */
public record Weekly(DayOfWeek dayOfWeek, LocalTime time, ZoneId zone) implements Schedule {

  public Weekly {
    if (dayOfWeek == null) {
      throw new IllegalArgumentException("'dayOfWeek' must not be null");
    }
    WallClock.wholeMinute(time, "time");
    WallClock.zone(zone);
  }

  @Override
  public String kind() {
    return "weekly";
  }

  @Override
  public LocalDateTime nextLocal(LocalDateTime local) {
    LocalDateTime candidate =
        local.toLocalDate().with(TemporalAdjusters.nextOrSame(dayOfWeek)).atTime(time);
    return candidate.isAfter(local) ? candidate : candidate.plusWeeks(1);
  }
}
