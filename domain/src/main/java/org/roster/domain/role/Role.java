package org.roster.domain.role;

import java.util.UUID;
import org.roster.domain.Require;

/**
 * A role in the application. A role bound to a directory group gives that group's members
 * (direct, or nested when the profile resolves nesting) the role.
 *
 * @param id Roster's id
 * @param name the display name
 * @param kind organizational (tree) or functional (flat)
 * @param parentId the parent in the organizational tree; null for a root or a functional role
 * @param boundGroupId the group bound to this role; null when unbound
 */
public record Role(UUID id, String name, RoleKind kind, UUID parentId, UUID boundGroupId) {
  public Role {
    Require.notNull(id, "id");
    Require.notBlank(name, "name");
    Require.notNull(kind, "kind");
    if (kind == RoleKind.FUNCTIONAL && parentId != null) {
      throw new IllegalArgumentException("'parentId' must be empty: functional roles are flat");
    }
  }

  public Role renamed(String newName) {
    return new Role(id, newName, kind, parentId, boundGroupId);
  }

  public Role boundTo(UUID groupId) {
    return new Role(id, name, kind, parentId, groupId);
  }
}
