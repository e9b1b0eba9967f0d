package org.roster.domain.schedule;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Every month on {@code dayOfMonth} at {@code time} in the zone. A day past the end of a month runs
 * on that month's last day: the 31st runs on 30 April and on 28 or 29 February.
 */
public record Monthly(int dayOfMonth, LocalTime time, ZoneId zone) implements Schedule {

  public Monthly {
    WallClock.between(dayOfMonth, 1, 31, "dayOfMonth");
    WallClock.wholeMinute(time, "time");
    WallClock.zone(zone);
  }

  @Override
  public String kind() {
    return "monthly";
  }

  @Override
  public LocalDateTime nextLocal(LocalDateTime local) {
    for (YearMonth month = YearMonth.from(local); ; month = month.plusMonths(1)) {
      LocalDateTime candidate =
          month.atDay(Math.min(dayOfMonth, month.lengthOfMonth())).atTime(time);
      if (candidate.isAfter(local)) {
        return candidate;
      }
    }
  }
}
