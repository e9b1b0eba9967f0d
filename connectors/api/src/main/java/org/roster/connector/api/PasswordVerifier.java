package org.roster.connector.api;

/**
 * Optional capability of a source whose users can log in with their directory password (LDAP:
 * a bind as the user; Okta: its authentication API). Roster never stores those passwords.
 */
public interface PasswordVerifier extends DirectorySource {

  /**
   * Checks a synced user's password against the directory. Does network I/O; never logs the
   * password.
   *
   * @param externalId the user's immutable id (used to find the user again if it moved)
   * @param location where Roster last saw the user (an LDAP DN), tried first
   * @param login the login the user typed
   * @return ACCEPTED, REJECTED (wrong password, locked, disabled in the directory) or NOT_FOUND
   * @throws SourceUnavailableException when the directory cannot be asked
   */
  Verdict verifyPassword(String externalId, String location, String login, Secret password);

  /** The directory's answer to a password check. */
  enum Verdict {
    ACCEPTED,
    REJECTED,
    NOT_FOUND
  }
}
