package org.roster.application.port.in;

import java.util.Optional;

/** Local admin accounts: authentication and the bootstrap admin. */
public interface AdminAccessUseCase {

  /**
   * Checks an admin's password, unless the login is locked out by too many failures in a row
   * (then the password is not even looked at). Unknown logins cost and count like wrong
   * passwords. Never logs the password. Blocking: reads the store and hashes.
   *
   * @param login the login as sent; null counts as an unknown login
   * @param password the password as sent; null is refused
   */
  AdminLogin authenticate(String login, String password);

  /**
   * Makes sure a SYSADMIN can log in. With a configured password, sets it on the bootstrap admin
   * {@code admin} (created when missing, given SYSADMIN), so the environment wins over a forgotten
   * password; without one, creates {@code admin} with a generated password only when there is no
   * admin account at all (a deleted {@code admin} stays deleted).
   *
   * @return the generated password, to print once; empty when none was generated
   */
  Optional<String> ensureBootstrapAdmin(Optional<String> configuredPassword);
}
