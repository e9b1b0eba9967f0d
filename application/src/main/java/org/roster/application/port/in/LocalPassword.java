package org.roster.application.port.in;

/**
 * What a local user's password must be: 8 to 1024 characters (NIST SP 800-63B: a minimum length,
 * no composition rules, long passphrases allowed) and not only spaces.
 */
public final class LocalPassword {
  public static final int MIN = 8;
  public static final int MAX = 1024;

  private LocalPassword() {}

  /** @throws InvalidRequestException naming {@code field} when the password does not qualify */
  public static void check(String password, String field) {
    if (password == null || password.isBlank()) {
      throw new InvalidRequestException(field, "'" + field + "' is required");
    }
    if (password.length() < MIN || password.length() > MAX) {
      throw new InvalidRequestException(field,
          "'" + field + "' must be " + MIN + " to " + MAX + " characters long");
    }
  }
}
