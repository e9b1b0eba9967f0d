package org.roster.application.service;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;
import org.roster.domain.sync.SyncPolicy;

/**
 * A profile's live groups after the group phase, with what users' scope and roles need: nesting
 * (resolved once per group, cycles tolerated), the synchronized groups, and the roles bound to
 * each group.
 */
final class GroupIndex {
  static final GroupIndex EMPTY = new GroupIndex(List.of(), List.of(), SyncPolicy.defaults(false));

  private final Map<String, Group> byExternalId = new HashMap<>();
  private final Map<UUID, Group> byId = new HashMap<>();
  private final Map<UUID, Set<UUID>> ancestorsAndSelf = new HashMap<>();
  private final Map<UUID, List<Role>> rolesByGroup = new HashMap<>();
  private final Set<UUID> synchronizedIds = new HashSet<>();
  private final Map<UUID, String> roleNames = new HashMap<>();
  private final boolean nested;

  /**
   * @param liveGroups the profile's groups that are not deleted
   * @param roles every role (the bound ones give their groups' members the role)
   */
  GroupIndex(Collection<Group> liveGroups, Collection<Role> boundRoles, SyncPolicy policy) {
    this.nested = policy.nestedGroups();
    for (Group g : liveGroups) {
      byExternalId.put(g.externalId(), g);
      byId.put(g.id(), g);
    }
    for (Role r : boundRoles) {
      roleNames.put(r.id(), r.name());
      for (UUID g : r.boundGroupIds()) {
        rolesByGroup.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(r);
      }
    }
    Set<String> wanted = policy.synchronizedGroups();
    for (Group g : liveGroups) {
      if (wanted.isEmpty() || wanted.contains(g.externalId()) || wanted.contains(g.name())) {
        synchronizedIds.add(g.id());
      }
    }
  }

  Group byExternalId(String externalId) {
    return byExternalId.get(externalId);
  }

  Group byId(UUID id) {
    return byId.get(id);
  }

  /** Roster ids of the live groups among these external ids (unknown ids are left out). */
  Set<UUID> idsOf(Collection<String> externalIds) {
    Set<UUID> out = new HashSet<>();
    for (String e : externalIds) {
      Group g = byExternalId.get(e);
      if (g != null) {
        out.add(g.id());
      }
    }
    return out;
  }

  /** The direct groups and, when the profile resolves nesting, every group they are nested in. */
  Set<UUID> effective(Set<UUID> direct) {
    if (!nested) {
      return direct;
    }
    Set<UUID> out = new HashSet<>();
    for (UUID g : direct) {
      out.addAll(ancestorsAndSelf.computeIfAbsent(g, this::walkUp));
    }
    return out;
  }

  private Set<UUID> walkUp(UUID start) {
    Set<UUID> seen = new HashSet<>();
    Deque<UUID> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      UUID g = todo.pop();
      if (seen.add(g)) { // a cycle stops here
        Group group = byId.get(g);
        if (group != null) {
          group.parentIds().forEach(todo::push);
        }
      }
    }
    return seen;
  }

  boolean inSynchronizedGroup(Set<UUID> effective) {
    for (UUID g : effective) {
      if (synchronizedIds.contains(g)) {
        return true;
      }
    }
    return false;
  }

  /** Roles bound to any of these groups. */
  Set<UUID> boundRoles(Set<UUID> effective, Set<UUID> excludedRoles) {
    Set<UUID> out = new HashSet<>();
    for (UUID g : effective) {
      for (Role r : rolesByGroup.getOrDefault(g, List.of())) {
        if (!excludedRoles.contains(r.id())) {
          out.add(r.id());
        }
      }
    }
    return out;
  }

  String roleName(UUID roleId) {
    return roleNames.getOrDefault(roleId, roleId.toString());
  }

  String nameOf(UUID groupId) {
    Group g = byId.get(groupId);
    return g == null ? groupId.toString() : g.name();
  }
}
