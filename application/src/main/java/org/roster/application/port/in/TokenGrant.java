package org.roster.application.port.in;

import java.util.Set;
import java.util.UUID;
import org.roster.domain.identity.AdminRole;

/**
 * What a valid API token lets its bearer do.
 *
 * @param login the token's owner
 * @param roles the token's roles that its owner still holds
 * @param tokenId the token's id
 */
public record TokenGrant(String login, Set<AdminRole> roles, UUID tokenId) {
  public TokenGrant {
    roles = Set.copyOf(roles);
  }
}
