package org.roster.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.domain.identity.AdminRole;

/**
 * How a request authenticated, as the fetchers record it: the {@link Authentication} they build,
 * and, for credentials that were refused, which kind (so the 401 can say why).
 */
final class Authenticated {
  /** The attribute of an Authentication saying how it came: {@link #PASSWORD} or {@link #TOKEN}. */
  static final String VIA = "via";
  static final String PASSWORD = "password";
  static final String TOKEN = "token";
  static final String TOKEN_ID = "tokenId";
  /** A request attribute: the kind of credentials the request came with that were refused. */
  static final String REFUSED = "roster.security.refused";

  private Authenticated() {}

  static Authentication byPassword(String login, Set<AdminRole> roles) {
    return Authentication.build(login, names(roles), Map.of(VIA, PASSWORD));
  }

  static Authentication byToken(String login, Set<AdminRole> roles, UUID tokenId) {
    return Authentication.build(login, names(roles), Map.of(VIA, TOKEN, TOKEN_ID, tokenId.toString()));
  }

  static void refused(HttpRequest<?> request, String kind) {
    request.setAttribute(REFUSED, kind);
  }

  private static java.util.List<String> names(Set<AdminRole> roles) {
    return roles.stream().map(Enum::name).sorted().toList();
  }
}
