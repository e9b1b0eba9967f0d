package org.roster.domain.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.roster.domain.Require;

/**
 * A user in Roster's store: local (no profile) or synced from one profile's source, keyed there by
 * the source's immutable external id.
 *
 * @param id Roster's id
 * @param profileId the profile that syncs this user; null for a local user
 * @param externalId the source's immutable id; null for a local user
 * @param login the login name, unique among users that are not DELETED (case-insensitive)
 * @param status the life-cycle state
 * @param inactiveReason why the user is INACTIVE; null otherwise
 * @param attributes profile fields by name (email, givenName, ...); absent = empty
 * @param location where the source keeps the user (DN, URL, CSV line); null for local users
 * @param seat true while the user holds a licence seat
 * @param protectedUser an owner: never deactivated or deleted by a sync
 * @param blockedSince when the user became BLOCKED (the release queue's order); null otherwise
 * @param sourceHash fingerprint of what the source said last time; null for local users
 * @param createdAt when Roster created the record
 * @param updatedAt when Roster last changed the record
 */
public record User(
    UUID id,
    UUID profileId,
    String externalId,
    String login,
    UserStatus status,
    InactiveReason inactiveReason,
    Map<String, String> attributes,
    String location,
    boolean seat,
    boolean protectedUser,
    Instant blockedSince,
    String sourceHash,
    Instant createdAt,
    Instant updatedAt) {

  /** The longest login Roster keeps (longer than any directory's: AD caps sAMAccountName at 20). */
  public static final int MAX_LOGIN = 256;

  public User {
    Require.notNull(id, "id");
    Require.notBlank(login, "login");
    if (login.length() > MAX_LOGIN) {
      throw new IllegalArgumentException("'login' must be at most " + MAX_LOGIN + " characters");
    }
    Require.notNull(status, "status");
    Require.notNull(createdAt, "createdAt");
    Require.notNull(updatedAt, "updatedAt");
    attributes = Map.copyOf(Require.notNull(attributes, "attributes"));
    if ((profileId == null) != (externalId == null)) {
      throw new IllegalArgumentException("'profileId' and 'externalId' are set together or not at all");
    }
    if (status == UserStatus.INACTIVE && inactiveReason == null) {
      throw new IllegalArgumentException("'inactiveReason' is required for an INACTIVE user");
    }
    if (status != UserStatus.INACTIVE) {
      inactiveReason = null;
    }
    if (status != UserStatus.BLOCKED) {
      blockedSince = null;
    } else if (blockedSince == null) {
      throw new IllegalArgumentException("'blockedSince' is required for a BLOCKED user");
    }
  }

  /** A new local (non-synced) user. */
  public static User local(UUID id, String login, Map<String, String> attributes, Instant now) {
    return new User(
        id, null, null, login, UserStatus.ACTIVE, null, attributes, null, false, false, null,
        null, now, now);
  }

  public boolean synced() {
    return profileId != null;
  }

  public String loginKey() {
    return loginKey(login);
  }

  /** The case-insensitive form logins are compared in. */
  public static String loginKey(String login) {
    return login.trim().toLowerCase(java.util.Locale.ROOT);
  }

  public String attribute(String name) {
    return attributes.get(name);
  }

  public User withStatus(UserStatus newStatus, InactiveReason reason, Instant now) {
    Instant blocked = newStatus == UserStatus.BLOCKED ? (blockedSince != null ? blockedSince : now) : null;
    return new User(id, profileId, externalId, login, newStatus, reason, attributes, location, seat,
        protectedUser, blocked, sourceHash, createdAt, now);
  }

  public User withSeat(boolean holdsSeat) {
    return new User(id, profileId, externalId, login, status, inactiveReason, attributes, location,
        holdsSeat, protectedUser, blockedSince, sourceHash, createdAt, updatedAt);
  }

  public User withSource(String newLogin, Map<String, String> newAttributes, String newLocation,
      String newHash, Instant now) {
    return new User(id, profileId, externalId, newLogin, status, inactiveReason, newAttributes,
        newLocation, seat, protectedUser, blockedSince, newHash, createdAt, now);
  }

  public User withProtected(boolean isProtected, Instant now) {
    return new User(id, profileId, externalId, login, status, inactiveReason, attributes, location,
        seat, isProtected, blockedSince, sourceHash, createdAt, now);
  }

  /** Links this local user to a source entry (an admin's explicit link of a conflict). */
  public User linkedTo(UUID newProfileId, String newExternalId, Instant now) {
    return new User(id, Objects.requireNonNull(newProfileId), Require.notBlank(newExternalId, "externalId"),
        login, status, inactiveReason, attributes, location, seat, protectedUser, blockedSince,
        null, createdAt, now);
  }
}
