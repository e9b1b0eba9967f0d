package org.roster.connector.okta.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * Okta's org authorization server for service apps: {@code POST /oauth2/v1/token} with {@code
 * grant_type=client_credentials} and a {@code private_key_jwt} client assertion, whose
 * RS256/384/512 signature is checked against the app's registered public key and whose {@code iss},
 * {@code sub}, {@code aud} and {@code exp} are checked as Okta does. Issues bearer tokens with the
 * requested scopes, which must all be granted to the app. See <a
 * href="https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/">OAuth for Okta
 * service apps</a>.
 */
final class OAuthServer {
  /** A registered service app. */
  record App(String clientId, PublicKey key, Set<String> grantedScopes) {}

  /** An access token issued. */
  record Issued(String clientId, Set<String> scopes, Instant expires) {}

  private static final Map<String, String> ALGORITHMS =
      Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final String baseUrl;

  OAuthServer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  void register(App app) {
    apps.put(app.clientId(), app);
  }

  /** The live token, if this is one. */
  Optional<Issued> bearer(String token) {
    return Optional.ofNullable(tokens.get(token)).filter(t -> t.expires().isAfter(Instant.now()));
  }

  void token(HttpExchange ex) {
    if (!ex.getRequestMethod().equals("POST")) {
      Http.sendError(ex, 405, "E0000022", "The endpoint does not support the provided HTTP method");
      return;
    }
    Map<String, String> form = Http.form(Http.body(ex));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      oauthError(ex, 400, "unsupported_grant_type", "The grant type is not supported.");
      return;
    }
    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        .equals(form.get("client_assertion_type"))) {
      oauthError(ex, 401, "invalid_client", "client_assertion_type is invalid.");
      return;
    }
    String failure;
    App app;
    try {
      JsonNode claims = verify(form.getOrDefault("client_assertion", ""));
      app = apps.get(claims.path("iss").asText());
      failure = checkClaims(claims);
    } catch (IllegalArgumentException | IOException e) {
      oauthError(ex, 401, "invalid_client", "The client_assertion token is invalid.");
      return;
    } catch (GeneralSecurityException e) {
      oauthError(ex, 401, "invalid_client", "The client_assertion signature is invalid.");
      return;
    }
    if (failure != null) {
      oauthError(ex, 401, "invalid_client", failure);
      return;
    }
    Set<String> requested =
        new LinkedHashSet<>(Arrays.asList(form.getOrDefault("scope", "").trim().split("\\s+")));
    requested.remove("");
    Set<String> refused = new LinkedHashSet<>(requested);
    refused.removeAll(app.grantedScopes());
    if (requested.isEmpty() || !refused.isEmpty()) {
      oauthError(
          ex, 400, "invalid_scope", "The following scopes are not allowed: " + refused + ".");
      return;
    }
    String token = "eyJ" + UUID.randomUUID().toString().replace("-", "");
    tokens.put(token, new Issued(app.clientId(), requested, Instant.now().plusSeconds(3600)));
    Http.send(
        ex,
        200,
        Map.of(
            "token_type",
            "Bearer",
            "expires_in",
            3600,
            "access_token",
            token,
            "scope",
            String.join(" ", requested)));
  }

  /** The assertion's claims once its signature checks out with its issuer's key. */
  private JsonNode verify(String jwt) throws IOException, GeneralSecurityException {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a JWS");
    }
    Base64.Decoder b64 = Base64.getUrlDecoder();
    JsonNode header = Http.JSON.readTree(b64.decode(parts[0]));
    JsonNode claims = Http.JSON.readTree(b64.decode(parts[1]));
    String algorithm = ALGORITHMS.get(header.path("alg").asText());
    App app = apps.get(claims.path("iss").asText());
    if (algorithm == null || app == null) {
      throw new GeneralSecurityException("unknown algorithm or client");
    }
    Signature signature = Signature.getInstance(algorithm);
    signature.initVerify(app.key());
    signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!signature.verify(b64.decode(parts[2]))) {
      throw new GeneralSecurityException("bad signature");
    }
    return claims;
  }

  /** Okta's checks of a client assertion's claims; null when they hold. */
  private String checkClaims(JsonNode claims) {
    String clientId = claims.path("iss").asText();
    if (!clientId.equals(claims.path("sub").asText())) {
      return "The client_assertion sub claim must match the client_id.";
    }
    String audience = baseUrl + "/oauth2/v1/token";
    JsonNode aud = claims.path("aud");
    List<String> audiences =
        aud.isArray()
            ? StreamSupport.stream(aud.spliterator(), false).map(JsonNode::asText).toList()
            : List.of(aud.asText());
    if (!audiences.contains(audience)) {
      return "The audience claim for client_assertion must be the endpoint invoked for the"
          + " request.";
    }
    if (!claims.has("exp") || claims.get("exp").asLong() < Instant.now().getEpochSecond()) {
      return "The client_assertion token is expired.";
    }
    return null;
  }

  private static void oauthError(HttpExchange ex, int status, String error, String description) {
    Http.send(ex, status, Map.of("error", error, "error_description", description));
  }
}
