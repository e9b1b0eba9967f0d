package org.roster.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The login and password of an {@code Authorization: Basic ...} header (RFC 7617): split at the
 * first colon, so a password may hold colons. {@code toString} never prints the password.
 */
record BasicCredentials(String login, String password) {
  private static final String PREFIX = "basic ";

  static Optional<BasicCredentials> of(String authorization) {
    if (authorization == null || authorization.length() <= PREFIX.length()
        || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(
          Base64.getDecoder().decode(authorization.substring(PREFIX.length()).strip()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new BasicCredentials(decoded.substring(0, colon),
        decoded.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "BasicCredentials[login=" + login + ", password=***]";
  }
}
