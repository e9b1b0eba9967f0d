package org.roster.application.port.in;

import java.time.Duration;

/**
 * A login was refused without being checked: too many failed attempts for it (HTTP 429 with
 * Retry-After). Says nothing about whether the login exists.
 */
public class LoginThrottledException extends RuntimeException {
  private final Duration retryAfter;

  public LoginThrottledException(String login, Duration retryAfter) {
    super("Too many failed logins for '" + login + "'; try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  /** How long the login stays refused, rounded up to whole seconds, at least 1 s. */
  public Duration retryAfter() {
    return Duration.ofSeconds(seconds(retryAfter));
  }

  private static long seconds(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, s);
  }
}
