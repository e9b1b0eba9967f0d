package org.roster.application.port.in;

import java.util.UUID;
import org.roster.domain.identity.User;

/**
 * An admin's changes to users: protection, local users and their passwords, deactivation and
 * activation, and the explicit link of a local user to a directory entry (DESIGN rule 9). Each is
 * one transaction with its audit event, the admin as actor.
 */
public interface ManageUsersUseCase {

  /**
   * Protects a user (an owner: a sync never deactivates or deletes it) or lifts the protection.
   *
   * @throws NotFoundException when there is no such user
   */
  User setProtected(UUID id, boolean protect, String actor);

  /**
   * Creates an ACTIVE local user with a password.
   *
   * @throws ConflictException when a user that is not DELETED has the login
   */
  User createLocal(CreateLocalUserCommand command, String actor);

  /**
   * Sets a local user's password.
   *
   * @throws ConflictException for a synced user (its directory keeps its password)
   * @throws InvalidRequestException ("password") for a password {@link LocalPassword} refuses
   */
  void setPassword(UUID id, String password, String actor);

  /**
   * Deactivates a user: INACTIVE because of an admin, which no sync lifts; its licence seat is
   * freed. A user already deactivated by an admin is left as it is.
   *
   * @throws ConflictException for a DELETED user
   */
  User deactivate(UUID id, String actor);

  /**
   * Activates a user an admin deactivated, one imported with "enable users after import" off, or
   * a BLOCKED one (ahead of the queue). A synced user of a licence-granting profile takes a seat.
   *
   * @throws ConflictException when no seat is free, for a DELETED user, or for one disabled in
   *     its directory or out of its synchronized groups (the directory decides those)
   */
  User activate(UUID id, String actor);

  /**
   * Links a local user to a directory entry of a profile (DESIGN rule 9: the source user whose
   * login is the local user's): from then on the profile syncs it, its local password is
   * forgotten and its directory verifies its logins. The profile's next full run (or a change of
   * the entry) applies the entry's data.
   *
   * @throws ConflictException for a synced user, or an entry another user already syncs
   * @throws NotFoundException for an unknown user or profile
   */
  User link(UUID id, UUID profileId, String externalId, String actor);
}
