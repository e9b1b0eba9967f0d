package org.roster.domain.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * When a profile runs by itself: a recurring wall-clock time in a time zone, to the minute.
 *
 * <p>Wall-clock times are turned into instants in the zone each time, so that a daily 02:30 stays
 * at 02:30 across daylight-saving changes. A time that does not exist that day (the gap of a
 * spring-forward change) runs at the first instant after the gap; a time that occurs twice (the
 * overlap of a fall-back change) runs once, at its first occurrence.
 */
public sealed interface Schedule permits EveryHours, Daily, Weekly, Monthly, EveryDays, Cron {

  /** The time zone whose wall clock the schedule follows. */
  ZoneId zone();

  /** The API's name of this kind of schedule: {@code everyHours}, {@code daily}, ... */
  String kind();

  /** The first wall-clock time of this schedule strictly after {@code local}. */
  LocalDateTime nextLocal(LocalDateTime local);

  /** The first instant of this schedule strictly after {@code after}. */
  default Instant next(Instant after) {
    LocalDateTime local = LocalDateTime.ofInstant(after, zone());
    // wall-clock times map onto instants in order, so the first one after 'after' is found by
    // walking forward; only times inside an overlap can map to instants at or before 'after'
    for (int i = 0; i < WallClock.MAX_STEPS; i++) {
      local = nextLocal(local);
      Instant at = WallClock.instant(local, zone());
      if (at.isAfter(after)) {
        return at;
      }
    }
    throw new IllegalStateException("no time of " + this + " found after " + after);
  }

  /**
   * A zone by its IANA name ({@code Europe/Berlin}) or a fixed offset ({@code UTC}, {@code
   * +02:00}).
   *
   * @throws IllegalArgumentException naming the field {@code zone}
   */
  static ZoneId zoneOf(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("'zone' must not be blank");
    }
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'zone' must be a time zone such as Europe/Berlin or UTC, not '" + id + "'");
    }
  }
}
