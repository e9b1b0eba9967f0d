package org.roster.application.port.in;

/**
 * Verify an application user's credentials: a synced user against its own directory (an LDAP
 * bind as the user), never against a stored copy of the password; a local user against the hash
 * of the password an admin set.
 */
public interface VerifyLoginUseCase {

  /**
   * Checks the password. Blocked, inactive and deleted users are refused whatever the password.
   * Never logs the password.
   *
   * @throws org.roster.connector.api.SourceUnavailableException when the user's directory cannot
   *     be asked (the caller may retry; it is not a refusal)
   */
  LoginResult verify(String login, String password);
}
