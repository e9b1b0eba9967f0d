package org.roster.application.port.in;

import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.AdminAccount;

/**
 * Roster's own admin accounts. There is always a SYSADMIN: the last one can be neither demoted
 * nor deleted. Every change is a SECURITY audit event by {@code admin:<actorLogin>}; passwords
 * are never returned, logged or audited. Blocking (store, password hashing).
 */
public interface ManageAdminsUseCase {

  /** A page of the accounts, by login. */
  Page<AdminAccount> list(PageRequest page);

  /** @throws NotFoundException when there is no such admin */
  AdminAccount get(String login);

  /**
   * @throws InvalidRequestException naming the field (login, password, roles)
   * @throws ConflictException when the login is taken (whatever its case)
   */
  AdminAccount create(CreateAdminCommand command, String actorLogin);

  /**
   * Changes roles and/or password.
   *
   * @throws NotFoundException when there is no such admin
   * @throws InvalidRequestException naming the field; when neither is given
   * @throws ConflictException when it would leave no SYSADMIN
   */
  AdminAccount update(String login, UpdateAdminCommand command, String actorLogin);

  /**
   * Deletes the account and revokes its API tokens.
   *
   * @throws NotFoundException when there is no such admin
   * @throws ConflictException for the last SYSADMIN, or the caller's own account
   */
  void delete(String login, String actorLogin);

  /**
   * An admin changes their own password, proving the current one. A wrong current password
   * counts as a failed login (the login throttle applies).
   *
   * @throws InvalidRequestException naming {@code current} (wrong) or {@code new} (too weak)
   * @throws LoginThrottledException when the login is locked out
   */
  void changeOwnPassword(String login, String currentPassword, String newPassword);
}
