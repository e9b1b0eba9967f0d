package org.roster.application.port.in;

import java.util.Set;
import org.roster.domain.identity.AdminRole;

/**
 * A new admin account. Checked by the service, which names the offending field.
 *
 * @param login the login: 1 to 64 of {@code A-Z a-z 0-9 . _ @ -}, unique whatever its case
 * @param password at least 12 characters; stored only as a hash
 * @param roles at least one
 */
public record CreateAdminCommand(String login, String password, Set<AdminRole> roles) {
  public CreateAdminCommand {
    roles = roles == null ? null : Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "CreateAdminCommand[login=" + login + ", password=***, roles=" + roles + "]";
  }
}
