package org.roster.web.error;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the field a validation message names: domain messages start with it in quotes. */
public final class FieldNames {
  private static final Pattern LEADING_QUOTED =
      Pattern.compile("^'([A-Za-z][A-Za-z0-9_.\\[\\]-]*)'");

  private FieldNames() {}

  /** The field of {@code "'name' must not be blank"}, or empty when the message names none. */
  public static Optional<String> leadingIn(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = LEADING_QUOTED.matcher(message);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
