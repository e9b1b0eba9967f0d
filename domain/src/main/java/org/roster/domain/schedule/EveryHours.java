package org.roster.domain.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Every {@code hours} hours at {@code minute} past the hour, counted from midnight of each day in
 * the zone: every 6 hours runs at 00:mm, 06:mm, 12:mm and 18:mm. When {@code hours} does not
 * divide 24 the last interval of a day is shorter (every 5 hours: 00, 05, 10, 15, 20, then 00).
 */
public record EveryHours(int hours, int minute, ZoneId zone) implements Schedule {

  public EveryHours {
    WallClock.between(hours, 1, 24, "hours");
    WallClock.between(minute, 0, 59, "minute");
    WallClock.zone(zone);
  }

  @Override
  public String kind() {
    return "everyHours";
  }

  @Override
  public LocalDateTime nextLocal(LocalDateTime local) {
    for (LocalDate date = local.toLocalDate(); ; date = date.plusDays(1)) {
      for (int hour = 0; hour < 24; hour += hours) {
        LocalDateTime candidate = date.atTime(hour, minute);
        if (candidate.isAfter(local)) {
          return candidate;
        }
      }
    }
  }
}
