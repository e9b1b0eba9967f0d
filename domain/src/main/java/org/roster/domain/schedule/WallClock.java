package org.roster.domain.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/** Wall-clock times of a zone as instants, with the DST rules of {@link Schedule}. */
final class WallClock {
  /** Bound of the walk in {@link Schedule#next}: an overlap holds at most a few hundred slots. */
  static final int MAX_STEPS = 100_000;

  private WallClock() {}

  /**
   * The instant of a wall-clock time: in a gap the first instant after it (the transition), in an
   * overlap the earlier of the two.
   */
  static Instant instant(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    // in an overlap the offsets are [before, after]: the offset before the change is the larger
    // one, so it gives the earlier instant
    return local.toInstant(offsets.get(0));
  }

  /** Checks a time of day to the minute. */
  static LocalTime wholeMinute(LocalTime time, String field) {
    if (time == null) {
      throw new IllegalArgumentException("'" + field + "' must not be null");
    }
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException(
          "'" + field + "' must be a time to the minute (HH:mm), not " + time);
    }
    return time;
  }

  static ZoneId zone(ZoneId zone) {
    if (zone == null) {
      throw new IllegalArgumentException("'zone' must not be null");
    }
    return zone;
  }

  static int between(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "'" + field + "' must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }
}
