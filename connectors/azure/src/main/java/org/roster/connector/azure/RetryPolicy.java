package org.roster.connector.azure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how long a request is tried again. Throttling (429, 503, 504) is retried up to
 * {@code maxRetries} times, waiting what Graph's {@code Retry-After} asks or, without it, 1, 2, 4,
 * ... seconds; other server errors and broken connections {@value #OTHER_RETRIES} times at most. No
 * wait is longer than {@code maxWait}.
 *
 * @param maxRetries retries of a throttled request (setting {@code maxRetries})
 * @param maxWait the longest single wait (setting {@code maxRetryWaitSeconds})
 */
public record RetryPolicy(int maxRetries, Duration maxWait) {

  /** Retries of a request that failed with a 5xx other than 503/504, or a broken connection. */
  static final int OTHER_RETRIES = 3;

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("'maxRetries' must not be negative");
    }
    Objects.requireNonNull(maxWait, "'maxWait' must not be null");
  }

  /** How many retries a failure allows: all of them for throttling, a few otherwise. */
  int retriesFor(boolean throttled) {
    return throttled ? maxRetries : Math.min(OTHER_RETRIES, maxRetries);
  }

  /**
   * The wait before retry number {@code retry} (1 for the first): the server's {@code Retry-After}
   * when it sent one, else an exponential backoff; capped by {@code maxWait}.
   */
  Duration waitBefore(int retry, Optional<Duration> retryAfter) {
    Duration wait =
        retryAfter.orElseGet(
            () -> FIRST_BACKOFF.multipliedBy(1L << Math.min(20, Math.max(0, retry - 1))));
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }
}
