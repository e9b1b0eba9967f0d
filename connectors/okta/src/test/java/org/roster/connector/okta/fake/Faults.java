package org.roster.connector.okta.fake;

import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The failures injected into the fake, each counting the requests it has seen. Thread-safe. */
final class Faults {
  private static final Map.Entry<String, String> DEFAULT_ERROR =
      Map.entry("E0000009", "Internal Server Error");

  private static final Map<Integer, Map.Entry<String, String>> ERRORS =
      Map.of(
          400, Map.entry("E0000031", "Invalid search criteria."),
          401, Map.entry("E0000011", "Invalid token provided"),
          403, Map.entry("E0000006", "You do not have permission to perform the requested action"),
          404, Map.entry("E0000007", "Not found: Resource not found"),
          500, DEFAULT_ERROR,
          502, Map.entry("E0000009", "Bad Gateway"),
          503, Map.entry("E0000010", "Service is in read only mode"),
          504, Map.entry("E0000009", "Gateway Timeout"));

  private static final class Counted {
    final Fault fault;
    int seen;

    Counted(Fault fault) {
      this.fault = fault;
    }

    synchronized boolean due() {
      seen++;
      return seen > fault.skip() && (long) seen - fault.skip() <= fault.times();
    }
  }

  private final List<Counted> faults = new CopyOnWriteArrayList<>();

  void add(Fault fault) {
    faults.add(new Counted(fault));
  }

  void clear() {
    faults.clear();
  }

  /**
   * Answers with the first fault due for this path; false when none is (a {@link Fault.Kind#SLOW}
   * one only waits, and the real answer follows).
   */
  boolean answered(HttpExchange ex, String path) {
    for (Counted c : faults) {
      if (path.startsWith(c.fault.pathPrefix()) && c.due()) {
        if (c.fault.kind() == Fault.Kind.SLOW) {
          hold(c.fault.resetSeconds());
          return false;
        }
        answer(ex, c.fault);
        return true;
      }
    }
    return false;
  }

  private static void hold(int seconds) {
    try {
      Thread.sleep(seconds * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange ex, Fault fault) {
    switch (fault.kind()) {
      case RATE_LIMIT -> {
        long reset = Instant.now().getEpochSecond() + fault.resetSeconds();
        ex.getResponseHeaders().set("X-Rate-Limit-Limit", "600");
        ex.getResponseHeaders().set("X-Rate-Limit-Remaining", "0");
        ex.getResponseHeaders().set("X-Rate-Limit-Reset", Long.toString(reset));
        Http.sendError(
            ex, 429, "E0000047", "API call exceeded rate limit due to too many requests.");
      }
      case STATUS -> {
        Map.Entry<String, String> error = ERRORS.getOrDefault(fault.status(), DEFAULT_ERROR);
        Http.sendError(ex, fault.status(), error.getKey(), error.getValue());
      }
      case MALFORMED_JSON -> Http.sendText(ex, 200, "[{\"id\": \"00u1\", \"profile\": {");
      case TRUNCATED ->
          Http.sendTruncated(ex, "[" + "{\"id\":\"00uTruncated\"},".repeat(200) + "{}]");
      case SLOW -> throw new IllegalStateException("a slow answer is the real one, later");
    }
  }
}
