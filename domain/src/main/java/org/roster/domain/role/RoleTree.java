package org.roster.domain.role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The roles as a tree: validates parents (no cycle, organizational only) and walks it. */
public final class RoleTree {
  private final Map<UUID, Role> byId = new HashMap<>();

  public RoleTree(Collection<Role> roles) {
    roles.forEach(r -> byId.put(r.id(), r));
  }

  /**
   * Checks that {@code role} may be stored: its parent exists, is organizational, and is not the
   * role itself or one of its descendants.
   *
   * @return empty when valid, else the reason
   */
  public java.util.Optional<String> problemWith(Role role) {
    if (role.parentId() == null) {
      return java.util.Optional.empty();
    }
    Role parent = byId.get(role.parentId());
    if (parent == null) {
      return java.util.Optional.of("parent role " + role.parentId() + " does not exist");
    }
    if (parent.kind() != RoleKind.ORGANIZATIONAL) {
      return java.util.Optional.of("the parent of a role must be an organizational role");
    }
    Set<UUID> seen = new HashSet<>();
    for (Role r = parent; r != null; r = r.parentId() == null ? null : byId.get(r.parentId())) {
      if (r.id().equals(role.id()) || !seen.add(r.id())) {
        return java.util.Optional.of("a role cannot be its own ancestor");
      }
    }
    return java.util.Optional.empty();
  }

  /** The roles directly under {@code parentId} (null: the roots), by name. */
  public List<Role> children(UUID parentId) {
    List<Role> out = new ArrayList<>();
    for (Role r : byId.values()) {
      if (java.util.Objects.equals(r.parentId(), parentId)) {
        out.add(r);
      }
    }
    out.sort(java.util.Comparator.comparing(Role::name, String.CASE_INSENSITIVE_ORDER));
    return out;
  }
}
