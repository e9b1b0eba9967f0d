package org.roster.application.port.in;

import java.util.Set;
import org.roster.domain.identity.AdminRole;

/**
 * A change of an admin account: each field null to keep it.
 *
 * @param roles the new roles, at least one
 * @param password a new password (at least 12 characters); it also lifts a lockout of the login
 */
public record UpdateAdminCommand(Set<AdminRole> roles, String password) {
  public UpdateAdminCommand {
    roles = roles == null ? null : Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "UpdateAdminCommand[roles=" + roles + ", password=" + (password == null ? null : "***") + "]";
  }
}
