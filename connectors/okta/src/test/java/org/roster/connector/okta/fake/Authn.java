package org.roster.connector.okta.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Okta's classic authentication API, primary authentication only: {@code POST /api/v1/authn} {@code
 * {"username", "password"}}. A wrong login or password, or a user that cannot sign in (STAGED,
 * PROVISIONED, SUSPENDED, DEPROVISIONED), is 401 E0000004; a LOCKED_OUT user gets status
 * LOCKED_OUT; a right password gets SUCCESS, or PASSWORD_EXPIRED, or MFA_REQUIRED for a user that
 * needs a second factor. See <a href="https://developer.okta.com/docs/reference/api/authn/">the
 * Authentication API</a>.
 */
final class Authn {
  private static final Set<String> CANNOT_SIGN_IN =
      Set.of("STAGED", "PROVISIONED", "SUSPENDED", "DEPROVISIONED");

  private final OktaState state;

  Authn(OktaState state) {
    this.state = state;
  }

  void handle(HttpExchange ex) {
    if (!ex.getRequestMethod().equals("POST")) {
      Http.sendError(ex, 405, "E0000022", "The endpoint does not support the provided HTTP method");
      return;
    }
    JsonNode request;
    try {
      request = Http.JSON.readTree(Http.body(ex));
    } catch (IOException e) {
      Http.sendError(ex, 400, "E0000003", "The request body was not well-formed.");
      return;
    }
    synchronized (state) {
      OktaState.User user = state.find(request.path("username").asText(""));
      if (user == null || !user.profile.containsKey("login")) {
        failed(ex);
      } else if (user.status.equals("LOCKED_OUT")) {
        Http.send(ex, 200, Map.of("status", "LOCKED_OUT", "expiresAt", expires()));
      } else if (CANNOT_SIGN_IN.contains(user.status)
          || user.password == null
          || !user.password.equals(request.path("password").asText(null))) {
        failed(ex);
      } else {
        Http.send(ex, 200, answer(user));
      }
    }
  }

  private static Map<String, Object> answer(OktaState.User user) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("expiresAt", expires());
    String status =
        user.status.equals("PASSWORD_EXPIRED")
            ? "PASSWORD_EXPIRED"
            : user.mfa ? "MFA_REQUIRED" : "SUCCESS";
    if (status.equals("SUCCESS")) {
      body.put("sessionToken", "2011" + UUID.randomUUID().toString().replace("-", ""));
    } else {
      body.put("stateToken", "00" + UUID.randomUUID().toString().replace("-", ""));
    }
    body.put("status", status);
    body.put(
        "_embedded",
        Map.of(
            "user",
            Map.of(
                "id",
                user.id,
                "profile",
                Map.of("login", user.profile.get("login"), "locale", "en", "timeZone", "UTC"))));
    return body;
  }

  private static String expires() {
    return OktaState.time(Instant.now().plusSeconds(300));
  }

  private static void failed(HttpExchange ex) {
    Http.sendError(ex, 401, "E0000004", "Authentication failed");
  }
}
