package org.roster.connector.azure;

import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;

/**
 * Translates what msal4j, the HTTP client and Graph throw or answer into the connector family,
 * once, at the edge. Each message starts with the step that failed ({@code "token"}, {@code "read
 * users"}, {@code "tls"}), names the request and the vendor's code, and never holds a secret.
 */
final class AzureFailures {

  /**
   * Plain explanations of the token endpoint's AADSTS codes; see <a
   * href="https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes">Microsoft
   * Entra authentication and authorization error codes</a>.
   */
  private static final Map<String, String> AADSTS =
      Map.ofEntries(
          Map.entry(
              "7000215",
              "the client secret is wrong: give the secret's value, not its id, and check that it"
                  + " belongs to this app"),
          Map.entry("7000222", "the client secret has expired: create a new one for the app"),
          Map.entry(
              "700016",
              "no app with this clientId is registered in the tenant: check clientId and tenantId"),
          Map.entry(
              "90002",
              "the tenant does not exist: check tenantId and that authority is the tenant's cloud"),
          Map.entry("900023", "tenantId is not a valid tenant id or domain"),
          Map.entry(
              "700027",
              "the certificate was not accepted: upload its public key to the app registration"
                  + " (Certificates & secrets)"),
          Map.entry(
              "700024", "the client assertion is not valid at this time: check this host's clock"),
          Map.entry("7000112", "the app registration is disabled"),
          Map.entry("500011", "the resource is not known in this tenant: check graphUrl"),
          Map.entry("70011", "the scope was refused: check graphUrl"),
          Map.entry("1002012", "the scope was refused: check graphUrl"));

  private static final String TLS_HINT =
      " (is the issuing CA in the JVM's trust store, or in trustFile behind a TLS-inspecting"
          + " proxy?)";

  private static final Pattern AADSTS_CODE = Pattern.compile("AADSTS(\\d+)");

  private AzureFailures() {}

  /** A failure of the token request (msal4j) against {@code authority}. */
  static ConnectorException token(String authority, Throwable e) {
    if (cause(e, MsalThrottlingException.class).isPresent()) {
      return new SourceUnavailableException(
          "token: Entra ID throttles token requests; try again later", e);
    }
    Optional<MsalServiceException> service = cause(e, MsalServiceException.class);
    if (service.isPresent()) {
      return tokenRefused(service.get());
    }
    Optional<IOException> io = cause(e, IOException.class);
    if (tlsFailure(e)) {
      return new SourceUnavailableException(
          "tls: cannot verify the token endpoint " + authority + ": " + rootMessage(e) + TLS_HINT,
          e);
    }
    if (io.isPresent()) {
      return new SourceUnavailableException(
          "token: cannot reach the token endpoint " + authority + ": " + describe(io.get()), e);
    }
    return new ConnectorException("token: " + rootMessage(e), e);
  }

  private static ConnectorException tokenRefused(MsalServiceException e) {
    int status = e.statusCode() == null ? 0 : e.statusCode();
    String description = firstLine(e.getMessage());
    if (status == 429 || status >= 500) {
      return new SourceUnavailableException(
          "token: the token endpoint answered " + status + " " + e.errorCode() + ": " + description,
          e);
    }
    Matcher m = AADSTS_CODE.matcher(description);
    if (m.find()) {
      String code = m.group(1);
      return new SourceAuthenticationException(
          "token: Entra ID refused the app's credentials (AADSTS"
              + code
              + ", "
              + e.errorCode()
              + "): "
              + AADSTS.getOrDefault(code, "see Microsoft's list of AADSTS codes")
              + ". Entra ID said: "
              + description,
          e);
    }
    return new SourceAuthenticationException(
        "token: Entra ID refused the token request (" + e.errorCode() + "): " + description, e);
  }

  /** A request to Graph that failed without an answer. */
  static ConnectorException transport(String step, String request, IOException e) {
    if (tlsFailure(e)) {
      return new SourceUnavailableException(
          "tls: cannot verify Graph's certificate for GET "
              + request
              + ": "
              + rootMessage(e)
              + TLS_HINT,
          e);
    }
    return new SourceUnavailableException(step + ": GET " + request + ": " + describe(e), e);
  }

  /** True when a broken request may succeed when sent again (not a refused connection). */
  static boolean retryable(IOException e) {
    return !(e instanceof ConnectException
        || e instanceof HttpConnectTimeoutException
        || e instanceof UnknownHostException
        || tlsFailure(e));
  }

  /** True when Graph refused the access token itself (expired, revoked): a new one may do. */
  static boolean tokenRefused(HttpResponse<byte[]> response) {
    return response.statusCode() == 401
        && GraphError.of(response.body()).code().equals("InvalidAuthenticationToken");
  }

  /**
   * An answer of Graph that is no page.
   *
   * @param mode what the request was: after a saved delta link ({@link GraphClient.Mode#RESUME})
   *     a 400 or 410 means it expired; in a search ({@link GraphClient.Mode#SEARCH}) a 400 means
   *     Graph cannot evaluate the admin's filter
   * @param retries how many times the request was sent again before this answer
   */
  static ConnectorException status(
      String step,
      String request,
      GraphClient.Mode mode,
      HttpResponse<byte[]> response,
      int retries) {
    boolean resuming = mode == GraphClient.Mode.RESUME;
    int status = response.statusCode();
    String requestId =
        response
            .headers()
            .firstValue("request-id")
            .map(id -> " (request-id " + id + ")")
            .orElse("");
    String answered =
        step
            + ": GET "
            + request
            + " answered "
            + status
            + GraphError.of(response.body()).describe();
    if ((status == 410 && request.contains("/delta")) || (resuming && status == 400)) {
      return new FullSyncRequiredException(
          answered
              + "; the delta link is no longer usable (Graph keeps them about 7 days),"
              + " so a full sync is needed"
              + requestId);
    }
    if (status == 429 || status >= 500) {
      return new SourceUnavailableException(
          answered + (retries > 0 ? " after " + retries + " retries" : "") + requestId);
    }
    if (status == 401) {
      return new SourceAuthenticationException(
          answered
              + "; Graph refused the app's access token: check that authority and graphUrl"
              + " belong to the same cloud"
              + requestId);
    }
    if (status == 403) {
      return new SourceAuthenticationException(
          answered
              + "; the app registration needs the Microsoft Graph application permission "
              + permissionFor(request)
              + ", granted with admin consent"
              + requestId);
    }
    if (status == 400 && mode == GraphClient.Mode.SEARCH) {
      return new InvalidSettingsException(
          DirectorySearch.QUERY_FIELD,
          "Graph cannot evaluate this filter without advanced queries, or names a property users"
              + " do not have (Graph answered 400"
              + GraphError.of(response.body()).describe()
              + ")");
    }
    if (status == 400) {
      return new SourceDataException(answered + "; check the mapping and the filters" + requestId);
    }
    if (status == 404) {
      return new SourceDataException(answered + requestId);
    }
    return new ConnectorException(answered + requestId);
  }

  /** The permission a Graph path needs (application permissions, read-only). */
  static String permissionFor(String request) {
    if (request.contains("/groups")) {
      return "GroupMember.Read.All (or Group.Read.All)";
    }
    if (request.contains("memberOf")) {
      return "GroupMember.Read.All (with User.Read.All)";
    }
    return "User.Read.All";
  }

  /**
   * True when the server's certificate was refused: not issued by a trusted CA, expired, or not for
   * this host name. Other handshake failures (a connection reset or closed during it) count as
   * broken connections and are retried.
   */
  static boolean tlsFailure(Throwable e) {
    return cause(e, CertificateException.class).isPresent();
  }

  private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused or unreachable" + suffix(e);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "timed out connecting" + suffix(e);
    }
    if (e instanceof HttpTimeoutException) {
      return "timed out waiting for the answer" + suffix(e);
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    return "the connection failed: " + rootMessage(e);
  }

  private static String suffix(Throwable e) {
    return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip().split("\\R", 2)[0];
    int trace = line.indexOf(" Trace ID:");
    return trace > 0 ? line.substring(0, trace) : line;
  }
}
