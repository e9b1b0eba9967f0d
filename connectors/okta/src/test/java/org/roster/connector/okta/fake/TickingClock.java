package org.roster.connector.okta.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A UTC clock at millisecond resolution that never gives the same instant twice: each reading is
 * the system time, or a millisecond after the previous reading if that is later. Shared by the fake
 * Okta (its timestamps) and the source under test (its watermarks), it makes "changed after the
 * token" exact without waiting out a clock's resolution. It can also be moved ahead. Thread-safe.
 */
public final class TickingClock extends Clock {
  private Instant last = Instant.EPOCH;
  private Duration offset = Duration.ZERO;

  @Override
  public synchronized Instant instant() {
    Instant now = Instant.now().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    last = now.isAfter(last) ? now : last.plusMillis(1);
    return last;
  }

  /** Moves the clock ahead (or back, with a negative duration) from now on. */
  public synchronized void advance(Duration by) {
    offset = offset.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    TickingClock ticking = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return ticking.withZone(other);
      }

      @Override
      public Instant instant() {
        return ticking.instant(); // the same ticks, seen from another zone
      }
    };
  }
}
