package org.roster.application.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roster.application.port.in.GroupDetails;
import org.roster.application.port.in.GroupSummary;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.QueryGroupsUseCase;
import org.roster.application.port.out.GroupQuery;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RoleStore;
import org.roster.domain.identity.Group;

/** Groups with their member counts, parents and bound roles. */
public final class GroupQueryService implements QueryGroupsUseCase {
  private final GroupStore groups;
  private final RoleStore roles;

  public GroupQueryService(GroupStore groups, RoleStore roles) {
    this.groups = groups;
    this.roles = roles;
  }

  @Override
  public Page<GroupSummary> search(GroupQuery query, PageRequest page) {
    Page<Group> found = groups.search(query, page);
    Map<UUID, Integer> counts = found.items().isEmpty() ? Map.of()
        : groups.memberCounts(found.items().stream().map(Group::id).toList());
    return found.map(g -> new GroupSummary(g, counts.getOrDefault(g.id(), 0)));
  }

  @Override
  public GroupDetails get(UUID id) {
    Group g = groups.find(id).orElseThrow(() -> new NotFoundException("group", id));
    List<Group> parents = new ArrayList<>(groups.findByIds(g.parentIds()));
    parents.sort(Comparator.comparing(Group::name).thenComparing(Group::id));
    return new GroupDetails(g, parents, groups.memberCounts(List.of(id)).getOrDefault(id, 0),
        roles.boundTo(List.of(id)));
  }
}
