package org.roster.domain.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * A five-field cron expression: {@code minute hour day-of-month month day-of-week}, each {@code *},
 * a value, a range, a step or a comma list of these ({@link CronField}), or one of the shorthands
 * {@code @hourly}, {@code @daily} ({@code @midnight}), {@code @weekly}, {@code @monthly}, {@code
 * @yearly} ({@code @annually}).
 *
 * <p>Day of month and day of week follow the standard rule: when both are restricted (neither
 * starts with {@code *}), a day matches when either matches ({@code 0 0 1,15 * MON} runs on the
 * 1st, the 15th and every Monday); otherwise both must. An expression that can never match a date
 * ({@code 0 0 31 2 *}) is refused.
 */
public final class CronExpression {
  private static final Map<String, String> SHORTHANDS = Map.of(
      "@hourly", "0 * * * *",
      "@daily", "0 0 * * *",
      "@midnight", "0 0 * * *",
      "@weekly", "0 0 * * 0",
      "@monthly", "0 0 1 * *",
      "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *");
  /** Long enough to reach the next 29 February from anywhere (2096 to 2104 is 8 years). */
  private static final int SEARCH_YEARS = 9;

  private final String text;
  private final long minutes;
  private final long hours;
  private final long daysOfMonth;
  private final long months;
  private final long daysOfWeek;
  private final boolean dayOfMonthRestricted;
  private final boolean dayOfWeekRestricted;

  private CronExpression(String text, String[] fields) {
    this.text = text;
    this.minutes = field(CronField.MINUTE, fields[0]);
    this.hours = field(CronField.HOUR, fields[1]);
    this.daysOfMonth = field(CronField.DAY_OF_MONTH, fields[2]);
    this.months = field(CronField.MONTH, fields[3]);
    this.daysOfWeek = field(CronField.DAY_OF_WEEK, fields[4]);
    this.dayOfMonthRestricted = !fields[2].startsWith("*");
    this.dayOfWeekRestricted = !fields[4].startsWith("*");
    if (dayOfMonthRestricted && !dayOfWeekRestricted && !anyMonthHasTheDay()) {
      throw new IllegalArgumentException("'expression' never runs: no month it allows has a day of"
          + " month it asks for ('" + fields[2] + "' in '" + fields[3] + "')");
    }
  }

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException whose message starts with {@code 'expression'} and names the
   *     bad cron field: {@code 'expression' has a bad hour field '25': 25 is out of range 0-23}
   */
  public static CronExpression parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("'expression' must not be blank");
    }
    String text = expression.strip().replaceAll("\\s+", " ");
    String expanded = text.startsWith("@") ? SHORTHANDS.get(text.toLowerCase(Locale.ROOT)) : text;
    if (expanded == null) {
      throw new IllegalArgumentException("'expression' '" + text + "' is not a known shorthand; use"
          + " @hourly, @daily, @midnight, @weekly, @monthly, @yearly or @annually");
    }
    String[] fields = expanded.split(" ");
    if (fields.length != 5) {
      throw new IllegalArgumentException("'expression' must have 5 fields (minute hour"
          + " day-of-month month day-of-week), not " + fields.length);
    }
    return new CronExpression(text, fields);
  }

  private static long field(CronField field, String value) {
    try {
      return field.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'expression' has a bad " + field.label + " field '" + value + "': " + e.getMessage());
    }
  }

  /** The first minute strictly after {@code local} that this expression matches. */
  public LocalDateTime nextAfter(LocalDateTime local) {
    LocalDateTime start = local.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDate first = start.toLocalDate();
    LocalDate last = first.plusYears(SEARCH_YEARS);
    for (LocalDate date = first; !date.isAfter(last); ) {
      if (!has(months, date.getMonthValue())) {
        date = date.withDayOfMonth(1).plusMonths(1);
        continue;
      }
      if (dayMatches(date)) {
        LocalTime from = date.equals(first) ? start.toLocalTime() : LocalTime.MIDNIGHT;
        LocalTime time = firstTimeFrom(from);
        if (time != null) {
          return date.atTime(time);
        }
      }
      date = date.plusDays(1);
    }
    throw new IllegalStateException(
        "'" + text + "' matches no minute within " + SEARCH_YEARS + " years");
  }

  /** Whether the expression runs on this date (at some time of it). */
  boolean dayMatches(LocalDate date) {
    boolean dom = has(daysOfMonth, date.getDayOfMonth());
    boolean dow = has(daysOfWeek, date.getDayOfWeek().getValue() % 7);
    return dayOfMonthRestricted && dayOfWeekRestricted ? dom || dow : dom && dow;
  }

  private LocalTime firstTimeFrom(LocalTime from) {
    for (int hour = from.getHour(); hour < 24; hour++) {
      if (has(hours, hour)) {
        long left = minutes & (-1L << (hour == from.getHour() ? from.getMinute() : 0));
        if (left != 0) {
          return LocalTime.of(hour, Long.numberOfTrailingZeros(left));
        }
      }
    }
    return null;
  }

  private boolean anyMonthHasTheDay() {
    for (Month month : Month.values()) {
      if (has(months, month.getValue())
          && (daysOfMonth & ((1L << (month.maxLength() + 1)) - 1)) != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(long bits, int value) {
    return (bits & (1L << value)) != 0;
  }

  /** The expression as written, with its whitespace collapsed. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
