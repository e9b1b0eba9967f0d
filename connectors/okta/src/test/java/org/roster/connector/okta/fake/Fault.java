package org.roster.connector.okta.fake;

/**
 * A failure the fake Okta answers with instead of the real answer, for requests whose path starts
 * with {@code pathPrefix}: after letting {@code skip} such requests through, the next {@code times}
 * (or every one, for {@link #FOREVER}) fail. Authentication is checked first, as Okta does.
 *
 * @param pathPrefix the paths it applies to ({@code /api/v1/users})
 * @param skip matching requests answered normally first
 * @param times how many matching requests fail then
 * @param kind what the failure is
 * @param status the HTTP status of a {@link Kind#STATUS} failure
 * @param resetSeconds for {@link Kind#RATE_LIMIT}: {@code X-Rate-Limit-Reset} is now plus this; for
 *     {@link Kind#SLOW}: how long the answer is held back
 */
public record Fault(
    String pathPrefix, int skip, int times, Kind kind, int status, int resetSeconds) {

  /** Fails every matching request. */
  public static final int FOREVER = Integer.MAX_VALUE;

  /** The kinds of failure. */
  public enum Kind {
    /** 429 E0000047 with {@code X-Rate-Limit-Limit/Remaining/Reset} and {@code Date}. */
    RATE_LIMIT,
    /** An Okta error object with the given status (403 E0000006, 500 E0000009, ...). */
    STATUS,
    /** A 200 whose body is not valid JSON. */
    MALFORMED_JSON,
    /** A 200 that announces its body's length, sends half and drops the connection. */
    TRUNCATED,
    /** The real answer, held back for {@code resetSeconds}. */
    SLOW
  }

  /** {@code times} 429s whose limit resets {@code resetSeconds} after the answer. */
  public static Fault rateLimit(String pathPrefix, int times, int resetSeconds) {
    return new Fault(pathPrefix, 0, times, Kind.RATE_LIMIT, 429, resetSeconds);
  }

  /** {@code times} answers with this status and Okta's error object for it. */
  public static Fault status(String pathPrefix, int times, int status) {
    return new Fault(pathPrefix, 0, times, Kind.STATUS, status, 0);
  }

  /** {@code times} 200s with a broken JSON body. */
  public static Fault malformedJson(String pathPrefix, int times) {
    return new Fault(pathPrefix, 0, times, Kind.MALFORMED_JSON, 200, 0);
  }

  /** One truncated answer after {@code skip} good ones: the server goes away mid-read. */
  public static Fault truncatedAfter(String pathPrefix, int skip) {
    return new Fault(pathPrefix, skip, 1, Kind.TRUNCATED, 200, 0);
  }

  /** {@code times} answers held back for {@code seconds} (a read timeout's test). */
  public static Fault slow(String pathPrefix, int times, int seconds) {
    return new Fault(pathPrefix, 0, times, Kind.SLOW, 200, seconds);
  }

  /** The same failure after {@code requests} good answers. */
  public Fault after(int requests) {
    return new Fault(pathPrefix, requests, times, kind, status, resetSeconds);
  }
}
