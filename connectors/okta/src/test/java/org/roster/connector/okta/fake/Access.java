package org.roster.connector.okta.fake;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who may call the Management API: {@code Authorization: SSWS <the API token>} or {@code Bearer <a
 * token the org authorization server issued>} carrying {@code okta.users.read} (or {@code .manage})
 * for {@code /api/v1/users...} and {@code okta.groups.read} for {@code /api/v1/groups...}. Anything
 * else is 401 E0000011; a missing scope is 403 E0000006 with Okta's {@code WWW-Authenticate: Bearer
 * ... error="insufficient_scope"}; paths denied to the admin are 403 E0000006.
 */
final class Access {
  private final String apiToken;
  private final OAuthServer oauth;
  private final String url;
  private final List<String> denied = new CopyOnWriteArrayList<>();

  Access(String apiToken, OAuthServer oauth, String url) {
    this.apiToken = apiToken;
    this.oauth = oauth;
    this.url = url;
  }

  void deny(String pathPrefix) {
    denied.add(pathPrefix);
  }

  /** Checks the credentials and scopes; answers a refusal itself. */
  boolean admitted(HttpExchange ex, String path, String auth) {
    if (auth != null && auth.equals("SSWS " + apiToken)) {
      return permitted(ex, path);
    }
    Optional<OAuthServer.Issued> bearer =
        auth != null && auth.startsWith("Bearer ")
            ? oauth.bearer(auth.substring(7))
            : Optional.empty();
    if (bearer.isEmpty()) {
      Http.sendError(ex, 401, "E0000011", "Invalid token provided");
      return false;
    }
    String area = path.startsWith("/api/v1/groups") ? "groups" : "users";
    Set<String> scopes = bearer.get().scopes();
    if (!scopes.contains("okta." + area + ".read")
        && !scopes.contains("okta." + area + ".manage")) {
      ex.getResponseHeaders()
          .set(
              "WWW-Authenticate",
              "Bearer authorization_uri=\""
                  + url
                  + "/oauth2/v1/authorize\", realm=\"IdpError\", scope=\"okta."
                  + area
                  + ".read\", error=\"insufficient_scope\", error_description=\"The access"
                  + " token provided does not contain the required scopes.\", resource=\""
                  + path
                  + "\"");
      Http.sendError(
          ex, 403, "E0000006", "You do not have permission to perform the requested action");
      return false;
    }
    return permitted(ex, path);
  }

  private boolean permitted(HttpExchange ex, String path) {
    if (denied.stream().anyMatch(path::startsWith)) {
      Http.sendError(
          ex, 403, "E0000006", "You do not have permission to perform the requested action");
      return false;
    }
    return true;
  }
}
