package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs JSON from Microsoft Graph with the app's bearer token, on the calling thread. Throttled
 * answers (429, 503, 504) are retried as {@link RetryPolicy} says, honouring {@code Retry-After};
 * other server errors and broken connections a few times; a refused token is replaced once per
 * request. Everything else becomes a connector exception ({@link AzureFailures}). A page is read
 * into memory whole (at most 999 entries), never more than one at a time.
 */
final class GraphClient {
  private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);

  /** Jackson, for Graph's JSON. */
  static final ObjectMapper JSON = new ObjectMapper();

  private static final int MAX_DESCRIBED = 240;

  /** What the caller expects of a request. */
  enum Mode {
    /** A page or an entity; 404 is an error. */
    READ,
    /** An entity that may be gone: 404 reads as empty. */
    FIND,
    /** A saved delta link: 400 and 410 mean it expired (a full sync is needed). */
    RESUME,
    /** A page of a search with the admin's filter: 400 means Graph cannot evaluate the filter. */
    SEARCH
  }

  private final HttpClient http;
  private final AccessTokens tokens;
  private final Endpoints endpoints;
  private final RetryPolicy retries;
  private final Duration responseTimeout;
  private final Sleeper sleeper;
  private final Clock clock;
  private final String profileId;

  GraphClient(
      HttpClient http,
      AccessTokens tokens,
      AzureSettings settings,
      Sleeper sleeper,
      Clock clock,
      String profileId) {
    this.http = http;
    this.tokens = tokens;
    this.endpoints = settings.endpoints();
    this.retries = settings.retries();
    this.responseTimeout = settings.responseTimeout();
    this.sleeper = sleeper;
    this.clock = clock;
    this.profileId = profileId;
  }

  /**
   * The JSON object at {@code url}, or empty when the mode is {@link Mode#FIND} and Graph has no
   * such entity.
   *
   * @param step what the request is for, to start failure messages with ({@code "read users"})
   */
  Optional<JsonNode> get(String step, String url, Mode mode) {
    URI uri = checked(step, url);
    String request = describe(uri);
    int retry = 0;
    boolean renewed = false;
    String token = tokens.current();
    while (true) {
      HttpResponse<byte[]> response;
      try {
        response = http.send(request(uri, token), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (AzureFailures.retryable(e) && retry < retries.retriesFor(false)) {
          retry++;
          pause(step, request, retries.waitBefore(retry, Optional.empty()), retry, e.toString());
          continue;
        }
        throw AzureFailures.transport(step, request, e);
      } catch (InterruptedException e) {
        throw interrupted(step, request, e);
      }
      int status = response.statusCode();
      if (status == 200) {
        return Optional.of(parse(step, request, response.body()));
      }
      if (status == 404 && mode == Mode.FIND) {
        return Optional.empty();
      }
      if (!renewed && AzureFailures.tokenRefused(response)) {
        token = tokens.renew();
        renewed = true;
        continue;
      }
      boolean throttled = status == 429 || status == 503 || status == 504;
      if ((throttled || status >= 500) && retry < retries.retriesFor(throttled)) {
        retry++;
        Duration wait = retries.waitBefore(retry, retryAfter(response));
        pause(step, request, wait, retry, "answered " + status);
        continue;
      }
      throw AzureFailures.status(step, request, mode, response, retry);
    }
  }

  private HttpRequest request(URI uri, String token) {
    return HttpRequest.newBuilder(uri)
        .timeout(responseTimeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  /** The URL, refused unless it is on the Graph host: the token must not go anywhere else. */
  private URI checked(String step, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new SourceDataException(step + ": Graph gave a link that is not a URL: " + url, e);
    }
    if (!endpoints.onGraph(uri)) {
      throw new SourceDataException(
          step
              + ": Graph gave a link to another host ("
              + uri.getHost()
              + "), not "
              + endpoints.graph().getHost()
              + "; the access token is not sent there");
    }
    return uri;
  }

  private static JsonNode parse(String step, String request, byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new SourceDataException(
            step + ": Graph answered GET " + request + " with JSON that is not an object");
      }
      return node;
    } catch (IOException e) {
      throw new SourceDataException(
          step
              + ": Graph answered GET "
              + request
              + " with malformed JSON: "
              + e.getMessage().split("\\R", 2)[0],
          e);
    }
  }

  /** Retry-After in seconds or as an HTTP date. */
  private Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::strip)
        .flatMap(
            value -> {
              if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
              }
              try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(clock.instant(), at.toInstant()));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  private void pause(String step, String request, Duration wait, int retry, String why) {
    LOG.info(
        "Profile {}: {}: GET {} {}; retry {} in {} ms",
        profileId,
        step,
        request,
        why,
        retry,
        wait.toMillis());
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      throw interrupted(step, request, e);
    }
  }

  private static SourceUnavailableException interrupted(
      String step, String request, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new SourceUnavailableException(step + ": interrupted during GET " + request, e);
  }

  /** The request for messages: path and decoded query, shortened. */
  static String describe(URI uri) {
    String text = uri.getRawPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    return text.length() > MAX_DESCRIBED ? text.substring(0, MAX_DESCRIBED) + "…" : text;
  }
}
