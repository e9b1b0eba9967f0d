package org.roster.application.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.QueryUsersUseCase;
import org.roster.application.port.in.UserDetails;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RoleAssignment;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.UserQuery;
import org.roster.application.port.out.UserStore;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.role.Role;

/** Users with their groups and roles. */
public final class UserQueryService implements QueryUsersUseCase {
  private final UserStore users;
  private final GroupStore groups;
  private final RoleStore roles;

  public UserQueryService(UserStore users, GroupStore groups, RoleStore roles) {
    this.users = users;
    this.groups = groups;
    this.roles = roles;
  }

  @Override
  public Page<User> search(UserQuery query, PageRequest page) {
    return users.search(query, page);
  }

  @Override
  public UserDetails get(UUID id) {
    User u = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    Set<UUID> groupIds = users.groupIdsOf(List.of(id)).getOrDefault(id, Set.of());
    List<Role> held = new ArrayList<>();
    for (RoleAssignment a : roles.assignmentsOf(id)) {
      roles.find(a.roleId()).ifPresent(held::add);
    }
    held.sort(Comparator.comparing(Role::name));
    List<Group> gs = new ArrayList<>(groups.findByIds(groupIds));
    gs.sort(Comparator.comparing(Group::name));
    return new UserDetails(u, gs, held);
  }
}
