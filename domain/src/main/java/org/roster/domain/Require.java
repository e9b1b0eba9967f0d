package org.roster.domain;

import java.util.Objects;

/** Argument checks whose messages name the offending field. */
public final class Require {
  private Require() {}

  public static String notBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' must not be blank");
    }
    return value;
  }

  public static <T> T notNull(T value, String field) {
    return Objects.requireNonNull(value, () -> "'" + field + "' must not be null");
  }

  public static int notNegative(int value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException("'" + field + "' must not be negative");
    }
    return value;
  }
}
