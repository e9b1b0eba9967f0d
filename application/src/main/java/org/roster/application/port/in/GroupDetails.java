package org.roster.application.port.in;

import java.util.List;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;

/**
 * One group with its direct parents, its direct member count and the roles bound to it.
 *
 * @param parents the groups it is a direct member of, by name
 * @param memberCount how many users are its direct members
 * @param boundRoles the roles its members get from it, by name
 */
public record GroupDetails(Group group, List<Group> parents, int memberCount, List<Role> boundRoles) {
  public GroupDetails {
    parents = List.copyOf(parents);
    boundRoles = List.copyOf(boundRoles);
  }
}
