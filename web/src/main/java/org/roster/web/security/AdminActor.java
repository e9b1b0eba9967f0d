package org.roster.web.security;

import io.micronaut.security.authentication.Authentication;

/** The actor name audit events and runs carry for an admin's request: {@code admin:<login>}. */
public final class AdminActor {
  private AdminActor() {}

  public static String of(Authentication authentication) {
    return "admin:" + authentication.getName();
  }
}
