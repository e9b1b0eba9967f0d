package org.roster.application.port.in;

import java.time.Instant;
import java.util.Set;
import org.roster.domain.identity.AdminRole;

/**
 * A request for a new API token.
 *
 * @param name what the token is for; 1 to 100 characters
 * @param roles the token's roles: some of the caller's (a SYSADMIN may give any role); null for
 *     all of the caller's
 * @param expiresAt when it stops working, in the future; null for never
 */
public record IssueTokenCommand(String name, Set<AdminRole> roles, Instant expiresAt) {
  public IssueTokenCommand {
    roles = roles == null ? null : Set.copyOf(roles);
  }
}
