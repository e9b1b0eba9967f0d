package org.roster.application.port.in;

import org.roster.domain.identity.ApiToken;

/**
 * A token just made, with its secret: the only time the secret exists outside the client.
 *
 * @param token the stored token
 * @param secret what the client sends as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {
  @Override
  public String toString() {
    return "IssuedToken[token=" + token + ", secret=***]";
  }
}
