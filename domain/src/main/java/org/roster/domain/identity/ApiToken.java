package org.roster.domain.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.roster.domain.Require;

/**
 * An API token of an admin, as Roster keeps it: never the token itself (only its SHA-256 hash,
 * which the store holds apart from this record), its owner, the roles it carries and its dates.
 *
 * @param id the token's id (to list and revoke it)
 * @param name what the owner calls it ("prometheus", "ci")
 * @param owner the login of the admin it speaks for
 * @param roles the roles it was given: within the owner's reach when it was made (see {@link
 *     #reach})
 * @param hint the token's first characters ({@code rst_AbCd}), to recognise it in a list
 * @param createdAt when it was made
 * @param expiresAt when it stops working; null for never
 * @param lastUsedAt when it last authenticated a request (to the minute); null when never
 */
public record ApiToken(
    UUID id,
    String name,
    String owner,
    Set<AdminRole> roles,
    String hint,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt) {

  public ApiToken {
    Require.notNull(id, "id");
    Require.notBlank(name, "name");
    Require.notBlank(owner, "owner");
    roles = Set.copyOf(Require.notNull(roles, "roles"));
    Require.notBlank(hint, "hint");
    Require.notNull(createdAt, "createdAt");
    if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("'expiresAt' must be after the token's creation");
    }
  }

  /** True when the token no longer works at {@code now}. */
  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /**
   * The roles an admin with {@code ownerRoles} may give a token: every role for a SYSADMIN (who
   * may do everything, so may make a token that does less), else the admin's own.
   */
  public static Set<AdminRole> reach(Set<AdminRole> ownerRoles) {
    return ownerRoles.contains(AdminRole.SYSADMIN) ? Set.of(AdminRole.values()) : Set.copyOf(ownerRoles);
  }

  /**
   * What the token may do today: its roles still within its owner's {@link #reach}. A demoted
   * owner's tokens lose the role with the owner.
   */
  public Set<AdminRole> effectiveRoles(Set<AdminRole> ownerRoles) {
    Set<AdminRole> effective = EnumSet.noneOf(AdminRole.class);
    effective.addAll(roles);
    effective.retainAll(reach(ownerRoles));
    return Set.copyOf(effective);
  }

  public ApiToken usedAt(Instant at) {
    return new ApiToken(id, name, owner, roles, hint, createdAt, expiresAt, at);
  }
}
