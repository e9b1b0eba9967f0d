package org.roster.connector.azure.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The fake Entra ID token endpoint, {@code POST /{tenant}/oauth2/v2.0/token}, client credentials
 * grant only. It checks the tenant, the client id, the scope ({@code <graph>/.default}) and either
 * the client secret or a client assertion: a JWT signed (RS256) with the key of a certificate the
 * app registration holds, found by its {@code x5t#S256} or {@code x5t} thumbprint and verified with
 * that certificate's public key. Failures are answered with Entra's error JSON and AADSTS codes.
 */
final class TokenHandler implements HttpHandler {
  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");

  private final FakeEntra entra;

  TokenHandler(FakeEntra entra) {
    this.entra = entra;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      entra.logRequest(exchange.getRequestMethod() + " " + path);
      String[] segments = path.split("/");
      if (!exchange.getRequestMethod().equals("POST")
          || segments.length != 5
          || !path.endsWith("/oauth2/v2.0/token")) {
        refuse(exchange, 404, "invalid_request", 90002, "Unknown endpoint " + path + ".");
        return;
      }
      entra.countTokenRequest();
      String tenant = segments[1];
      Map<String, String> form =
          GraphHandler.params(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (!tenant.equalsIgnoreCase(entra.tenantId())) {
        refuse(
            exchange,
            400,
            "invalid_request",
            90002,
            "Tenant '"
                + tenant
                + "' not found. Check"
                + " to make sure you have the correct tenant ID and are signing into the correct"
                + " cloud.");
      } else if (!"client_credentials".equals(form.get("grant_type"))) {
        refuse(
            exchange,
            400,
            "unsupported_grant_type",
            70003,
            "The app requested an unsupported grant type '" + form.get("grant_type") + "'.");
      } else if (!entra.clientId().equals(form.get("client_id"))) {
        refuse(
            exchange,
            400,
            "unauthorized_client",
            700016,
            "Application with identifier '"
                + form.get("client_id")
                + "' was not found in the directory '"
                + tenant
                + "'.");
      } else if (!scopeIsGraph(form.get("scope"))) {
        refuse(
            exchange,
            400,
            "invalid_scope",
            1002012,
            "The provided value for scope "
                + form.get("scope")
                + " is not valid. Client credential flows must have a scope value"
                + " with /.default suffixed to the resource identifier (application ID URI).");
      } else {
        Optional<String> refused = credentialRefused(form, tenant);
        if (refused.isPresent()) {
          int code = Integer.parseInt(refused.get().substring(0, refused.get().indexOf(':')));
          refuse(
              exchange,
              401,
              "invalid_client",
              code,
              refused.get().substring(refused.get().indexOf(':') + 2));
        } else {
          issue(exchange);
        }
      }
    } finally {
      exchange.close();
    }
  }

  /** One {@code <graph>/.default} scope; OpenID's scopes (msal4j adds them) are ignored. */
  private boolean scopeIsGraph(String scope) {
    List<String> resources =
        Arrays.stream(String.valueOf(scope).split(" "))
            .filter(s -> !OIDC_SCOPES.contains(s))
            .toList();
    return resources.equals(List.of(entra.graphOrigin() + "/.default"));
  }

  /** Why the secret or assertion is refused, as {@code "<AADSTS code>: <message>"}. */
  private Optional<String> credentialRefused(Map<String, String> form, String tenant) {
    if (form.containsKey("client_secret")) {
      return entra.clientSecret().equals(form.get("client_secret"))
          ? Optional.empty()
          : Optional.of(
              "7000215: Invalid client secret provided. Ensure the secret being sent in the request"
                  + " is the client secret value, not the client secret ID, for a secret added to"
                  + " app '"
                  + entra.clientId()
                  + "'.");
    }
    if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))
        || !form.containsKey("client_assertion")) {
      return Optional.of(
          "7000216: 'client_assertion', 'client_secret' or 'request' is required"
              + " for the 'client_credentials' grant type.");
    }
    return assertionRefused(form.get("client_assertion"), tenant);
  }

  private Optional<String> assertionRefused(String jwt, String tenant) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return Optional.of("50027: JWT token is invalid or malformed.");
    }
    try {
      JsonNode header = DeltaFeed.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = DeltaFeed.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      Optional<X509Certificate> certificate =
          entra.appCertificates().stream()
              .filter(
                  c ->
                      FakeCertificates.hasThumbprint(c, "SHA-256", header.path("x5t#S256"))
                          || FakeCertificates.hasThumbprint(c, "SHA-1", header.path("x5t")))
              .findFirst();
      if (certificate.isEmpty()) {
        return Optional.of(
            "700027: Client assertion contains an invalid signature. [Reason - The"
                + " key was not found., Thumbprint of key used by client: '"
                + header.path("x5t#S256").asText(header.path("x5t").asText())
                + "']");
      }
      if (!header.path("alg").asText().equals("RS256")) {
        return Optional.of(
            "5002738: Invalid JWT token. '"
                + header.path("alg").asText()
                + "' is not a supported signature algorithm.");
      }
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(certificate.get().getPublicKey());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return Optional.of(
            "700027: Client assertion contains an invalid signature. [Reason - The"
                + " signature does not match the key.]");
      }
      String audience = entra.authority() + tenant + "/oauth2/v2.0/token";
      if (!claims.path("aud").asText().equals(audience)) {
        return Optional.of(
            "700021: Client assertion audience claim does not match Realm"
                + " issuer. Review the documentation at https://aka.ms/certCredentials.");
      }
      if (!claims.path("iss").asText().equals(entra.clientId())
          || !claims.path("sub").asText().equals(entra.clientId())) {
        return Optional.of("700023: Client assertion issuer or subject is not the client id.");
      }
      if (claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
        return Optional.of("700024: Client assertion is not within its valid time range.");
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      return Optional.of("50027: JWT token is invalid or malformed. " + e.getMessage());
    }
  }

  private void issue(HttpExchange exchange) throws IOException {
    long lifetime = entra.tokenLifetime().toSeconds();
    ObjectNode body =
        DeltaFeed.JSON
            .createObjectNode()
            .put("token_type", "Bearer")
            .put("expires_in", lifetime)
            .put("ext_expires_in", lifetime)
            .put("access_token", entra.issueToken());
    send(exchange, 200, body);
  }

  private static void refuse(
      HttpExchange exchange, int status, String error, int code, String message)
      throws IOException {
    String trace = UUID.randomUUID().toString();
    String correlation = UUID.randomUUID().toString();
    ObjectNode body =
        DeltaFeed.JSON
            .createObjectNode()
            .put("error", error)
            .put(
                "error_description",
                "AADSTS"
                    + code
                    + ": "
                    + message
                    + "\r\nTrace ID: "
                    + trace
                    + "\r\nCorrelation ID: "
                    + correlation
                    + "\r\nTimestamp: "
                    + Instant.now());
    body.putArray("error_codes").add(code);
    body.put("timestamp", Instant.now().toString())
        .put("trace_id", trace)
        .put("correlation_id", correlation)
        .put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
    send(exchange, status, body);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = DeltaFeed.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().add("Cache-Control", "no-store, no-cache");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
