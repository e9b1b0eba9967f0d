package org.roster.domain.identity;

import java.util.Set;
import org.roster.domain.Require;

/**
 * A local admin account of Roster itself (not a synced user).
 *
 * @param login unique login
 * @param passwordHash the password's hash in a self-describing format ({@code pbkdf2$...})
 * @param roles what the admin may do
 */
public record AdminAccount(String login, String passwordHash, Set<AdminRole> roles) {
  public AdminAccount {
    Require.notBlank(login, "login");
    Require.notBlank(passwordHash, "passwordHash");
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "AdminAccount[login=" + login + ", roles=" + roles + "]";
  }
}
