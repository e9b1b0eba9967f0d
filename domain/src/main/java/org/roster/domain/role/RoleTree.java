package org.roster.domain.role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
  public Optional<String> problemWith(Role role) {
    if (role.parentId() == null) {
      return Optional.empty();
    }
    Role parent = byId.get(role.parentId());
    if (parent == null) {
      return Optional.of("parent role " + role.parentId() + " does not exist");
    }
    if (parent.kind() != RoleKind.ORGANIZATIONAL) {
      return Optional.of("the parent of a role must be an organizational role");
    }
    Set<UUID> seen = new HashSet<>();
    for (Role r = parent; r != null; r = r.parentId() == null ? null : byId.get(r.parentId())) {
      if (r.id().equals(role.id()) || !seen.add(r.id())) {
        return Optional.of("a role cannot be its own ancestor");
      }
    }
    return Optional.empty();
  }

  /** The roles directly under {@code parentId} (null: the roots), by name. */
  public List<Role> children(UUID parentId) {
    List<Role> out = new ArrayList<>();
    for (Role r : byId.values()) {
      if (Objects.equals(r.parentId(), parentId)) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(Role::name, String.CASE_INSENSITIVE_ORDER));
    return out;
  }

  /** The ancestors of a role, the root first, its parent last; empty for a root or an unknown id. */
  public List<Role> ancestors(UUID id) {
    List<Role> out = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    Role r = byId.get(id);
    while (r != null && r.parentId() != null && seen.add(r.id())) {
      r = byId.get(r.parentId());
      if (r != null) {
        out.add(0, r);
      }
    }
    return out;
  }

  /** A role and its ancestors, the root first and the role last; empty for an unknown id. */
  public List<Role> path(UUID id) {
    Role r = byId.get(id);
    if (r == null) {
      return List.of();
    }
    List<Role> out = ancestors(id);
    out.add(r);
    return out;
  }

  /**
   * Another role than {@code role} under the same parent, of the same kind, whose name equals
   * {@code role}'s ignoring case: two siblings may not share a name.
   */
  public Optional<Role> siblingNamed(Role role) {
    return byId.values().stream()
        .filter(r -> !r.id().equals(role.id()) && r.kind() == role.kind())
        .filter(r -> Objects.equals(r.parentId(), role.parentId()))
        .filter(r -> r.name().equalsIgnoreCase(role.name()))
        .findFirst();
  }
}
