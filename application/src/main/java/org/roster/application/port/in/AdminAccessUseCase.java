package org.roster.application.port.in;

import java.util.Optional;
import org.roster.domain.identity.AdminAccount;

/** Local admin accounts: authentication and the bootstrap admin. */
public interface AdminAccessUseCase {

  /** The account when the password is right; empty otherwise (unknown login or wrong password). */
  Optional<AdminAccount> authenticate(String login, String password);

  /**
   * Makes sure the bootstrap admin {@code admin} (SYSADMIN) exists. With a configured password,
   * sets it (so the environment wins over a forgotten one); without one, creates the account with
   * a generated password only when it does not exist yet.
   *
   * @return the generated password, to print once; empty when none was generated
   */
  Optional<String> ensureBootstrapAdmin(Optional<String> configuredPassword);
}
