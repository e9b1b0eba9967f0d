package org.roster.web.security;

import io.micronaut.security.authentication.Authentication;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.roster.application.port.in.AdminCaller;
import org.roster.domain.identity.AdminRole;

/** Who an admin's request is from, as the use cases take it. */
public final class AdminActor {
  private AdminActor() {}

  /** The actor name audit events and runs carry: {@code admin:<login>}. */
  public static String of(Authentication authentication) {
    return "admin:" + authentication.getName();
  }

  /** The caller with the roles of this request, and whether it came with an API token. */
  public static AdminCaller caller(Authentication authentication) {
    Set<AdminRole> roles = authentication.getRoles().stream()
        .filter(r -> Arrays.stream(AdminRole.values()).anyMatch(a -> a.name().equals(r)))
        .map(AdminRole::valueOf)
        .collect(Collectors.toSet());
    return new AdminCaller(authentication.getName(), roles, viaToken(authentication));
  }

  public static boolean viaToken(Authentication authentication) {
    return Authenticated.TOKEN.equals(authentication.getAttributes().get(Authenticated.VIA));
  }
}
