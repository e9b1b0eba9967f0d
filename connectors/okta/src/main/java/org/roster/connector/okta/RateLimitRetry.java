package org.roster.connector.okta;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries what Okta asks to be retried, as the SDK's own strategy does, within the profile's
 * limits: a 429 waits until {@code X-Rate-Limit-Reset} measured against the response's {@code Date}
 * (both Okta's clock, so the local clock's skew does not matter; see <a
 * href="https://developer.okta.com/docs/reference/rl-best-practices/">rate limit best
 * practices</a>), at least a second; a 503 or 504 backs off exponentially (300 ms doubled, at most
 * 20 s) or as {@code Retry-After} says. At most {@code maxRetries} retries and {@code
 * maxRetryWaitSeconds} of waiting per request: past either the last answer stands and the call
 * fails as unavailable. Other I/O errors follow the SDK's rule (idempotent requests, not connect or
 * timeout failures). Thread-safe: a request's waiting is kept in its own context.
 */
final class RateLimitRetry implements HttpRequestRetryStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitRetry.class);
  private static final String WAITED = "roster.okta.waitedMillis";
  private static final String NEXT = "roster.okta.nextWaitMillis";

  private final int maxRetries;
  private final long maxWaitMillis;
  private final HttpRequestRetryStrategy ioRetries;

  RateLimitRetry(int maxRetries, Duration maxWait) {
    this.maxRetries = maxRetries;
    this.maxWaitMillis = maxWait.toMillis();
    this.ioRetries = new com.okta.sdk.impl.retry.OktaHttpRequestRetryStrategy(maxRetries);
  }

  @Override
  public boolean retryRequest(
      HttpRequest request, IOException exception, int execCount, HttpContext context) {
    return ioRetries.retryRequest(request, exception, execCount, context);
  }

  @Override
  public TimeValue getRetryInterval(
      HttpRequest request, IOException exception, int execCount, HttpContext context) {
    return ioRetries.getRetryInterval(request, exception, execCount, context);
  }

  @Override
  public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
    int code = response.getCode();
    if (execCount > maxRetries || (code != 429 && code != 503 && code != 504)) {
      return false;
    }
    long wait = code == 429 ? untilReset(response) : backOff(response, execCount);
    long waited = context.getAttribute(WAITED) instanceof Long w ? w : 0L;
    if (waited + wait > maxWaitMillis) {
      LOG.warn(
          "Okta answered {}; not retrying: waiting {} ms more would exceed maxRetryWaitSeconds",
          code,
          wait);
      return false;
    }
    context.setAttribute(WAITED, waited + wait);
    context.setAttribute(NEXT, wait);
    LOG.info(
        "Okta answered {}; retry {} of at most {} in {} ms", code, execCount, maxRetries, wait);
    return true;
  }

  @Override
  public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
    long wait = context.getAttribute(NEXT) instanceof Long w ? w : 1000L;
    return TimeValue.ofMilliseconds(wait);
  }

  /** Milliseconds until the rate limit resets by Okta's clock; at least one second. */
  private static long untilReset(HttpResponse response) {
    Header reset = response.getFirstHeader("X-Rate-Limit-Reset");
    Header date = response.getFirstHeader("Date");
    if (reset == null || date == null) {
      return 1000L;
    }
    try {
      long resetMillis = Long.parseLong(reset.getValue().strip()) * 1000L;
      long now =
          ZonedDateTime.parse(date.getValue().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant()
              .toEpochMilli();
      return Math.max(resetMillis - now, 1000L);
    } catch (NumberFormatException | DateTimeParseException e) {
      return 1000L;
    }
  }

  private static long backOff(HttpResponse response, int execCount) {
    Header retryAfter = response.getFirstHeader("Retry-After");
    if (retryAfter != null) {
      try {
        return Math.max(Long.parseLong(retryAfter.getValue().strip()) * 1000L, 0L);
      } catch (NumberFormatException e) {
        LOG.debug("Ignoring a Retry-After that is not a number of seconds");
      }
    }
    return Math.min(300L << Math.min(execCount, 10), 20_000L);
  }
}
