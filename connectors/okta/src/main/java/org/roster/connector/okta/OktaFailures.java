package org.roster.connector.okta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.commons.http.HttpException;
import com.okta.sdk.impl.oauth2.OAuth2TokenRetrieverException;
import com.okta.sdk.resource.client.ApiException;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;

/**
 * Translates the SDK's failures into the connector family, once, at the edge. Each message starts
 * with the step that failed and names the endpoint, the HTTP status and Okta's error code and
 * summary ({@code "read users: Okta answered 401 E0000011 (Invalid token provided) to GET
 * /api/v1/users; check apiToken"}). Okta's error bodies never echo credentials, and neither do
 * these messages.
 */
final class OktaFailures {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]+)\"");

  private OktaFailures() {}

  /** Whether the source authenticates as a service app, for the hints. */
  enum Auth {
    API_TOKEN,
    SERVICE_APP
  }

  /**
   * @param step what was being done ("read users")
   * @param endpoint the method and path ("GET /api/v1/users")
   * @param e an {@link ApiException}, an OAuth {@link HttpException} or an {@link
   *     OAuth2TokenRetrieverException}
   */
  static ConnectorException translate(String step, String endpoint, RuntimeException e, Auth auth) {
    if (e instanceof HttpException || e instanceof OAuth2TokenRetrieverException) {
      return token(step, e);
    }
    if (e instanceof ApiException api && api.getCode() > 0) {
      return status(step, endpoint, api, auth);
    }
    Optional<Throwable> malformed = cause(e, JsonProcessingException.class);
    if (malformed.isPresent()) {
      return new SourceDataException(
          step
              + ": Okta's answer to "
              + endpoint
              + " is not the JSON expected ("
              + firstLine(((JsonProcessingException) malformed.get()).getOriginalMessage())
              + ")",
          e);
    }
    Optional<Throwable> io = cause(e, IOException.class);
    if (io.isPresent()) {
      return new SourceUnavailableException(
          step + ": no answer from Okta to " + endpoint + " (" + describe(io.get()) + ")", e);
    }
    return new ConnectorException(
        step + ": " + endpoint + " failed: " + firstLine(e.getMessage()), e);
  }

  /**
   * Okta's reason for refusing a request as malformed ({@code E0000031 (Invalid search
   * criteria...)}) when the failure is its 400 answer; empty for any other failure.
   */
  static Optional<String> badRequest(ConnectorException e) {
    return e.getCause() instanceof ApiException api && api.getCode() == 400
        ? Optional.of(describeBody(api.getResponseBody()))
        : Optional.empty();
  }

  private static ConnectorException status(
      String step, String endpoint, ApiException e, Auth auth) {
    int code = e.getCode();
    String what =
        step
            + ": Okta answered "
            + code
            + " "
            + describeBody(e.getResponseBody())
            + " to "
            + endpoint;
    return switch (code) {
      case 401 ->
          new SourceAuthenticationException(
              what
                  + (auth == Auth.API_TOKEN
                      ? "; check apiToken (revoked, expired, or of another org)"
                      : "; the service app's access token was refused"),
              e);
      case 403 -> new SourceAuthenticationException(what + forbiddenHint(e, auth), e);
      case 429 ->
          new SourceUnavailableException(
              what
                  + "; still rate limited after the retries allowed (maxRetries,"
                  + " maxRetryWaitSeconds)"
                  + resetsIn(e.getResponseHeaders()),
              e);
      case 404 -> new SourceDataException(what, e);
      case 400 -> new SourceDataException(what + "; check usersFilter, groupsFilter and groups", e);
      default ->
          code >= 500 ? new SourceUnavailableException(what, e) : new ConnectorException(what, e);
    };
  }

  private static String forbiddenHint(ApiException e, Auth auth) {
    Optional<String> scope =
        header(e.getResponseHeaders(), "WWW-Authenticate")
            .filter(h -> h.contains("insufficient_scope"))
            .flatMap(h -> match(SCOPE, h));
    if (scope.isPresent()) {
      return "; the access token lacks scope "
          + scope.get()
          + ": grant it to the service app (Okta API Scopes) and list it in 'scopes'";
    }
    return auth == Auth.API_TOKEN
        ? "; the API token's admin needs a role that may read users and groups (such as Read-only"
            + " Administrator)"
        : "; the service app needs an admin role that may read users and groups (such as"
            + " Read-only Administrator)";
  }

  /** A failure to get (or refresh) the service app's access token. */
  private static ConnectorException token(String step, RuntimeException e) {
    String prefix = step + ": getting an access token at POST /oauth2/v1/token failed";
    Optional<ApiException> api =
        cause(e, ApiException.class).map(ApiException.class::cast).filter(a -> a.getCode() > 0);
    if (api.isPresent()) {
      int code = api.get().getCode();
      String what = prefix + ": " + code + " " + describeBody(api.get().getResponseBody());
      return code >= 500 || code == 429
          ? new SourceUnavailableException(what, e)
          : new SourceAuthenticationException(what + "; check clientId, privateKey and keyId", e);
    }
    Optional<Throwable> io = cause(e, IOException.class);
    if (io.isPresent()) {
      return new SourceUnavailableException(prefix + ": no answer (" + describe(io.get()) + ")", e);
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    int body = message.indexOf('{');
    if (body >= 0) {
      return new SourceAuthenticationException(
          prefix
              + ": "
              + describeBody(message.substring(body))
              + "; check the service app's scopes and grants",
          e);
    }
    return new SourceAuthenticationException(prefix + ": " + firstLine(message), e);
  }

  /** {@code E0000011 (Invalid token provided)}, {@code invalid_client (...)} or the raw text. */
  static String describeBody(String body) {
    if (body == null || body.isBlank()) {
      return "with an empty body";
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.hasNonNull("errorCode")) {
        StringBuilder b =
            new StringBuilder(node.get("errorCode").asText())
                .append(" (")
                .append(node.path("errorSummary").asText(""));
        for (JsonNode cause : node.path("errorCauses")) {
          b.append("; ").append(cause.path("errorSummary").asText(""));
        }
        return b.append(')').toString();
      }
      if (node != null && node.hasNonNull("error")) {
        return node.get("error").asText() + " (" + node.path("error_description").asText("") + ")";
      }
    } catch (JsonProcessingException e) {
      // not JSON: quoted below
    }
    String text = firstLine(body);
    return "'" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "'";
  }

  private static String resetsIn(Map<String, List<String>> headers) {
    Optional<String> reset = header(headers, "X-Rate-Limit-Reset");
    Optional<String> date = header(headers, "Date");
    if (reset.isEmpty() || date.isEmpty()) {
      return "";
    }
    try {
      long now =
          ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant()
              .getEpochSecond();
      return "; the limit resets in " + Math.max(0, Long.parseLong(reset.get()) - now) + " s";
    } catch (NumberFormatException | DateTimeParseException e) {
      return "";
    }
  }

  /** A response header, whatever the case of its name. */
  static Optional<String> header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
        .flatMap(h -> h.getValue().stream())
        .findFirst()
        .map(String::strip);
  }

  private static Optional<String> match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<Throwable> cause(Throwable e, Class<?> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static String describe(Throwable io) {
    String message = io.getMessage();
    return io.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + firstLine(message));
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
