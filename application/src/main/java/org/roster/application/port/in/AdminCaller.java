package org.roster.application.port.in;

import java.util.Set;
import org.roster.domain.identity.AdminRole;

/**
 * The admin making a request.
 *
 * @param login the admin's login
 * @param roles the roles of this request (a token's roles when it came with a token)
 * @param viaToken true when the request authenticated with an API token, not a password
 */
public record AdminCaller(String login, Set<AdminRole> roles, boolean viaToken) {
  public AdminCaller {
    roles = Set.copyOf(roles);
  }

  public boolean sysadmin() {
    return roles.contains(AdminRole.SYSADMIN);
  }
}
