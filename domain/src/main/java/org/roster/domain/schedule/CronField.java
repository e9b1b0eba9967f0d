package org.roster.domain.schedule;

import java.util.List;
import java.util.Locale;

/**
 * The five fields of a cron expression, each parsed into a bit set of the values it allows: {@code
 * *}, a value, a range {@code a-b}, steps <code>&#42;/n</code>, {@code a-b/n} and {@code a/n} (from a to
 * the end), and comma lists of these. Months and days of the week also take their English
 * three-letter names ({@code JAN}, {@code MON}), in any case; day of week 0 and 7 are Sunday.
 */
enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH("month", 1, 12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  final String label;
  private final int min;
  private final int max;
  /** Names for min, min + 1, ... */
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  /**
   * The values {@code text} allows as bits ({@code 1L << value}); day of week 7 folds onto 0.
   *
   * @throws IllegalArgumentException saying what is wrong with the field, without naming it
   */
  long parse(String text) {
    long bits = 0;
    for (String item : text.split(",", -1)) {
      bits |= item(item);
    }
    if (this == DAY_OF_WEEK && (bits & (1L << 7)) != 0) {
      bits = (bits & ~(1L << 7)) | 1L;
    }
    return bits;
  }

  private long item(String item) {
    if (item.isEmpty()) {
      throw new IllegalArgumentException("an empty list item");
    }
    String range = item;
    int step = 1;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      step = step(item.substring(slash + 1));
    }
    int from;
    int to;
    if (range.equals("*")) {
      from = min;
      to = this == DAY_OF_WEEK ? 6 : max;
    } else {
      int dash = range.indexOf('-');
      if (dash >= 0) {
        from = value(range.substring(0, dash));
        to = value(range.substring(dash + 1));
        if (to < from) {
          throw new IllegalArgumentException("the range " + range + " runs backwards");
        }
      } else {
        from = value(range);
        to = slash >= 0 ? max : from; // "a/n": from a to the end, every n
      }
    }
    long bits = 0;
    for (int v = from; v <= to; v += step) {
      bits |= 1L << v;
    }
    return bits;
  }

  private static int step(String text) {
    if (!text.matches("\\d{1,3}")) {
      throw new IllegalArgumentException("the step '" + text + "' is not a number");
    }
    int step = Integer.parseInt(text);
    if (step < 1) {
      throw new IllegalArgumentException("a step must be at least 1");
    }
    return step;
  }

  private int value(String text) {
    int v;
    if (text.matches("\\d{1,4}")) {
      v = Integer.parseInt(text);
    } else {
      int index = names.indexOf(text.toUpperCase(Locale.ROOT));
      if (index < 0) {
        throw new IllegalArgumentException("'" + text + "' is not a number"
            + (names.isEmpty() ? "" : " or a name such as " + names.get(0)));
      }
      v = min + index;
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(v + " is out of range " + min + "-" + max);
    }
    return v;
  }
}
