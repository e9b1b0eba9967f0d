package org.roster.domain.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** A five-field cron expression ({@link CronExpression}) in the zone. */
public record Cron(CronExpression expression, ZoneId zone) implements Schedule {

  public Cron {
    if (expression == null) {
      throw new IllegalArgumentException("'expression' must not be null");
    }
    WallClock.zone(zone);
  }

  /**
   * @throws IllegalArgumentException naming {@code expression} and the bad cron field
   */
  public static Cron of(String expression, ZoneId zone) {
    return new Cron(CronExpression.parse(expression), zone);
  }

  @Override
  public String kind() {
    return "cron";
  }

  @Override
  public LocalDateTime nextLocal(LocalDateTime local) {
    return expression.nextAfter(local);
  }
}
