package org.roster.domain.schedule;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/** Every day at {@code time} in the zone. */
public record Daily(LocalTime time, ZoneId zone) implements Schedule {

  public Daily {
    WallClock.wholeMinute(time, "time");
    WallClock.zone(zone);
  }

  @Override
  public String kind() {
    return "daily";
  }

  @Override
  public LocalDateTime nextLocal(LocalDateTime local) {
    LocalDateTime candidate = local.toLocalDate().atTime(time);
    return candidate.isAfter(local) ? candidate : candidate.plusDays(1);
  }
}
