package org.roster.connector.okta.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes answers the way Okta does: JSON, Okta's error object, rate limit headers. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  /** Okta's error object. */
  static Map<String, Object> error(String code, String summary) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorCode", code);
    body.put("errorSummary", summary);
    body.put("errorLink", code);
    body.put("errorId", "oae" + UUID.randomUUID().toString().replace("-", "").substring(0, 19));
    body.put("errorCauses", List.of());
    return body;
  }

  static void sendError(HttpExchange ex, int status, String code, String summary) {
    send(ex, status, error(code, summary));
  }

  static void send(HttpExchange ex, int status, Object body) {
    try {
      sendText(ex, status, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a body as JSON with the rate limit headers Okta puts on every answer. */
  static void sendText(HttpExchange ex, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    long reset = Instant.now().getEpochSecond() + 60;
    ex.getResponseHeaders().putIfAbsent("X-Rate-Limit-Limit", List.of("600"));
    ex.getResponseHeaders().putIfAbsent("X-Rate-Limit-Remaining", List.of("599"));
    ex.getResponseHeaders().putIfAbsent("X-Rate-Limit-Reset", List.of(Long.toString(reset)));
    try (OutputStream out = ex.getResponseBody()) {
      ex.sendResponseHeaders(status, bytes.length);
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Thrown out of the server's handler to make the JDK server drop the connection at once (it
   * closes the connection of a handler that throws).
   */
  static final class DropConnection extends RuntimeException {
    DropConnection() {
      super("dropping the connection", null, false, false);
    }
  }

  /** Announces a body, sends half of it and drops the connection. */
  static void sendTruncated(HttpExchange ex, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(200, bytes.length);
      OutputStream out = ex.getResponseBody();
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new DropConnection();
  }

  /** The query parameters, decoded; the last value of a repeated one. */
  static Map<String, String> query(HttpExchange ex) {
    return form(ex.getRequestURI().getRawQuery());
  }

  /** Decodes {@code a=1&b=2}. */
  static Map<String, String> form(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  static String body(HttpExchange ex) {
    try {
      return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
