package org.roster.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.CreateLocalUserCommand;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.LocalPassword;
import org.roster.application.port.in.ManageUsersUseCase;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.CredentialStore;
import org.roster.application.port.out.LicenceStore;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.sync.Profile;

/**
 * An admin's changes to users. Each change to a synced user's record first locks the licence
 * pool, as a run of a licence-granting profile does for its whole length: the change waits for
 * such a run to end instead of being overwritten by it, and an admin's activation and a run never
 * hand out the same free seat.
 */
public final class UserAdminService implements ManageUsersUseCase {
  private final Transactions tx;
  private final UserStore users;
  private final ProfileStore profiles;
  private final LicenceStore licences;
  private final CredentialStore credentials;
  private final PasswordHasher hasher;
  private final AdminAudit audit;
  private final Clock clock;

  public UserAdminService(Transactions tx, UserStore users, ProfileStore profiles,
      LicenceStore licences, CredentialStore credentials, AuditStore audit, PasswordHasher hasher,
      Clock clock) {
    this.tx = tx;
    this.users = users;
    this.profiles = profiles;
    this.licences = licences;
    this.credentials = credentials;
    this.hasher = hasher;
    this.audit = new AdminAudit(audit, clock);
    this.clock = clock;
  }

  @Override
  public User setProtected(UUID id, boolean protect, String actor) {
    return tx.inTransaction(t -> {
      licences.lockPool();
      User u = find(id);
      if (u.protectedUser() == protect) {
        return u;
      }
      User changed = u.withProtected(protect, clock.instant());
      users.updateAll(List.of(changed));
      audit.record(actor, AuditCategory.USER, protect ? "protected" : "unprotected", id, u.login(),
          Map.of("protected", String.valueOf(!protect)), Map.of("protected", String.valueOf(protect)),
          protect ? "a sync never deactivates or deletes it" : "");
      return changed;
    });
  }

  @Override
  public User createLocal(CreateLocalUserCommand c, String actor) {
    String hash = hasher.hash(c.password()); // slow: outside the transaction
    return tx.inTransaction(t -> {
      users.findByLogin(c.login()).ifPresent(holder -> {
        throw new ConflictException("login '" + c.login() + "' is taken by "
            + (holder.synced() ? "a synced" : "a local") + " user (" + holder.id() + ")");
      });
      Instant now = clock.instant();
      User u = User.local(UUID.randomUUID(), c.login(), c.attributes(), now);
      users.insertAll(List.of(u));
      credentials.savePasswordHash(u.id(), hash, now);
      Map<String, String> after = new LinkedHashMap<>();
      after.put("login", u.login());
      after.put("status", u.status().name());
      after.putAll(c.attributes());
      audit.record(actor, AuditCategory.USER, "created", u.id(), u.login(), Map.of(), after,
          "local user with a password");
      return u;
    });
  }

  @Override
  public void setPassword(UUID id, String password, String actor) {
    LocalPassword.check(password, "password");
    User u = find(id);
    requireLocal(u, "its password is kept by its directory");
    String hash = hasher.hash(password);
    tx.inTransaction(t -> {
      credentials.savePasswordHash(id, hash, clock.instant());
      audit.record(actor, AuditCategory.SECURITY, "password set", id, u.login(), Map.of(), Map.of(),
          "local password changed by an admin");
      return null;
    });
  }

  @Override
  public User deactivate(UUID id, String actor) {
    return tx.inTransaction(t -> {
      licences.lockPool();
      User u = find(id);
      if (u.status() == UserStatus.DELETED) {
        throw new ConflictException("user '" + u.login() + "' is DELETED");
      }
      if (u.status() == UserStatus.INACTIVE && u.inactiveReason() == InactiveReason.BY_ADMIN) {
        return u;
      }
      User after = u.withStatus(UserStatus.INACTIVE, InactiveReason.BY_ADMIN, clock.instant())
          .withSeat(false);
      users.updateAll(List.of(after));
      audit.record(actor, AuditCategory.USER, "deactivated", id, u.login(), state(u), state(after),
          "by an admin: no sync reactivates it");
      return after;
    });
  }

  @Override
  public User activate(UUID id, String actor) {
    return tx.inTransaction(t -> {
      LicencePool pool = licences.lockPool();
      User u = find(id);
      switch (u.status()) {
        case ACTIVE -> {
          return u;
        }
        case DELETED -> throw new ConflictException("user '" + u.login()
            + "' is DELETED in its directory; a run brings it back when the directory has it again");
        case INACTIVE -> {
          if (u.inactiveReason().syncMayReactivate()) {
            throw new ConflictException("user '" + u.login() + "' is inactive because it is "
                + (u.inactiveReason() == InactiveReason.DISABLED_IN_SOURCE
                    ? "disabled in its directory" : "in none of its profile's synchronized groups")
                + "; change that in the directory and the next run reactivates it");
          }
        }
        case BLOCKED -> { }
      }
      User after = u.withStatus(UserStatus.ACTIVE, null, clock.instant());
      if (u.synced() && grantsLicences(u) && !u.seat()) {
        if (!pool.hasFreeSeat()) {
          throw new ConflictException("no licence seat is free (" + pool.used() + " of "
              + pool.limit() + " held); raise the limit or free a seat first");
        }
        after = after.withSeat(true);
      }
      users.updateAll(List.of(after));
      audit.record(actor, AuditCategory.USER, "activated", id, u.login(), state(u), state(after),
          u.status() == UserStatus.BLOCKED ? "released ahead of the queue by an admin" : "by an admin");
      return after;
    });
  }

  @Override
  public User link(UUID id, UUID profileId, String externalId, String actor) {
    if (profileId == null) {
      throw new InvalidRequestException("profileId", "'profileId' is required");
    }
    if (externalId == null || externalId.isBlank()) {
      throw new InvalidRequestException("externalId", "'externalId' must not be blank");
    }
    return tx.inTransaction(t -> {
      licences.lockPool();
      User u = find(id);
      requireLocal(u, "it is synced by profile " + u.profileId() + " already");
      Profile p = profiles.find(profileId).orElseThrow(() -> new NotFoundException("profile", profileId));
      users.findByExternalIds(profileId, List.of(externalId)).stream().findFirst().ifPresent(other -> {
        throw new ConflictException("entry '" + externalId + "' of profile '" + p.name()
            + "' is synced as user '" + other.login() + "' (" + other.id() + ", " + other.status() + ")");
      });
      User linked = u.linkedTo(profileId, externalId, clock.instant());
      users.updateAll(List.of(linked));
      credentials.remove(id);
      audit.record(actor, AuditCategory.USER, "linked", id, u.login(), Map.of("profile", ""),
          Map.of("profile", p.name(), "externalId", externalId),
          "the local user is synced by the profile from now on; its local password is forgotten");
      return linked;
    });
  }

  private User find(UUID id) {
    return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
  }

  private static void requireLocal(User u, String why) {
    if (u.synced()) {
      throw new ConflictException("user '" + u.login() + "' is not a local user: " + why);
    }
  }

  /** Whether the user's profile grants licences; a deleted profile's users hold seats (the default). */
  private boolean grantsLicences(User u) {
    return profiles.find(u.profileId()).map(p -> p.policy().grantLicences()).orElse(true);
  }

  private static Map<String, String> state(User u) {
    return Map.of("status", u.status().name(), "seat", u.seat() ? "held" : "none");
  }
}
