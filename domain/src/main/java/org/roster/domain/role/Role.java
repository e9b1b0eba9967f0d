package org.roster.domain.role;

import java.util.Set;
import java.util.UUID;
import org.roster.domain.Require;

/**
 * A role in the application. A role bound to directory groups gives those groups' members
 * (direct, or nested when the profile resolves nesting) the role.
 *
 * @param id Roster's id
 * @param name the display name
 * @param kind organizational (tree) or functional (flat)
 * @param parentId the parent in the organizational tree; null for a root or a functional role
 * @param boundGroupIds the groups bound to this role (of one profile or several); empty when
 *     unbound
 */
public record Role(UUID id, String name, RoleKind kind, UUID parentId, Set<UUID> boundGroupIds) {
  /** The longest role name Roster keeps. */
  public static final int MAX_NAME = 256;

  public Role {
    Require.notNull(id, "id");
    Require.notBlank(name, "name");
    if (name.length() > MAX_NAME) {
      throw new IllegalArgumentException("'name' must be at most " + MAX_NAME + " characters");
    }
    Require.notNull(kind, "kind");
    if (kind == RoleKind.FUNCTIONAL && parentId != null) {
      throw new IllegalArgumentException("'parentId' must be empty: functional roles are flat");
    }
    if (id.equals(parentId)) {
      throw new IllegalArgumentException("'parentId' must not be the role itself");
    }
    boundGroupIds = Set.copyOf(Require.notNull(boundGroupIds, "boundGroupIds"));
  }

  /** A role bound to no group. */
  public static Role unbound(UUID id, String name, RoleKind kind, UUID parentId) {
    return new Role(id, name, kind, parentId, Set.of());
  }

  public Role renamed(String newName) {
    return new Role(id, newName, kind, parentId, boundGroupIds);
  }

  /** The role under another parent (null: a root). */
  public Role movedUnder(UUID newParentId) {
    return new Role(id, name, kind, newParentId, boundGroupIds);
  }

  /** The role bound to exactly these groups. */
  public Role boundTo(Set<UUID> groupIds) {
    return new Role(id, name, kind, parentId, groupIds);
  }

  public boolean bound() {
    return !boundGroupIds.isEmpty();
  }
}
