package org.roster.domain.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Every {@code days} days at {@code time} in the zone, on {@code startDate} and every {@code days}
 * days after it. Without a start date the days are counted from 1 January 1970, so the same
 * schedule always picks the same days, whichever node computes them and however often the profile
 * is saved.
 */
public record EveryDays(int days, LocalTime time, LocalDate startDate, ZoneId zone)
    implements Schedule {
  private static final LocalDate COUNT_FROM = LocalDate.EPOCH;

  /**
   * @param startDate the first day it runs; null = days counted from 1970-01-01
   */
  public EveryDays {
    WallClock.between(days, 1, 366, "days");
    WallClock.wholeMinute(time, "time");
    WallClock.zone(zone);
  }

  @Override
  public String kind() {
    return "everyDays";
  }

  @Override
  public LocalDateTime nextLocal(LocalDateTime local) {
    LocalDate anchor = startDate == null ? COUNT_FROM : startDate;
    long since = ChronoUnit.DAYS.between(anchor, local.toLocalDate());
    long periods = since <= 0 ? 0 : (since + days - 1) / days; // the first slot day on or after
    LocalDateTime candidate = anchor.plusDays(periods * days).atTime(time);
    return candidate.isAfter(local) ? candidate : candidate.plusDays(days);
  }
}
