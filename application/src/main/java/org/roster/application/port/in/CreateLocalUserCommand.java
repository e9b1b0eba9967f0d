package org.roster.application.port.in;

import java.util.Map;
import org.roster.connector.api.UserFields;
import org.roster.domain.identity.User;

/**
 * Create a local (non-synced) user who logs in with a password Roster keeps (hashed).
 *
 * @param login unique among users that are not DELETED, ignoring case
 * @param password the first password; see {@link LocalPassword}
 * @param attributes profile fields by {@link UserFields} name; empty values are left out
 */
public record CreateLocalUserCommand(String login, String password, Map<String, String> attributes) {
  public CreateLocalUserCommand {
    if (login == null || login.isBlank()) {
      throw new InvalidRequestException("login", "'login' must not be blank");
    }
    login = login.strip();
    if (login.length() > User.MAX_LOGIN) {
      throw new InvalidRequestException("login", "'login' must be at most " + User.MAX_LOGIN + " characters");
    }
    LocalPassword.check(password, "password");
    java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach((k, v) -> {
        if (!UserFields.ALL.contains(k)) {
          throw new InvalidRequestException("attributes." + k,
              "'attributes." + k + "' is not a user field; the fields are " + UserFields.ALL);
        }
        if (v != null && !v.isBlank()) {
          kept.put(k, v.strip());
        }
      });
    }
    String email = kept.get(UserFields.EMAIL);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
      throw new InvalidRequestException("attributes.email", "'attributes.email' is not an email address");
    }
    attributes = Map.copyOf(kept);
  }

  @Override
  public String toString() {
    return "CreateLocalUserCommand[login=" + login + ", password=***, attributes=" + attributes + "]";
  }
}
