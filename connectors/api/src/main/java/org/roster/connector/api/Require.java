package org.roster.connector.api;

/** Argument checks that name the offending field. */
final class Require {
  private Require() {}

  static String notBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' must not be blank");
    }
    return value;
  }
}
