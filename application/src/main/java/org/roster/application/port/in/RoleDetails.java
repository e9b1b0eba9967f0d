package org.roster.application.port.in;

import java.util.List;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;

/**
 * One role with its place in the tree, the groups bound to it and how many users hold it.
 *
 * @param role the role
 * @param path its ancestors, the root first and its parent last; empty for a root
 * @param children the roles directly under it, by name
 * @param boundGroups the groups bound to it, by name (a deleted group stays bound until unbound)
 * @param holders how many users hold it, sync-given and admin-given
 */
public record RoleDetails(Role role, List<Role> path, List<Role> children, List<Group> boundGroups,
    int holders) {
  public RoleDetails {
    path = List.copyOf(path);
    children = List.copyOf(children);
    boundGroups = List.copyOf(boundGroups);
  }
}
