package org.roster.application.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; thread-safe. */
public final class TestClock extends Clock {
  public static final Instant START = Instant.parse("2026-11-21T08:00:00Z");
  private volatile Instant now = START;

  public void advance(Duration d) {
    now = now.plus(d);
  }

  public void set(Instant at) {
    now = at;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
