package org.roster.application.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.UserStore;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;

/**
 * Finds the users whose membership of a changed group changed without their own entry changing:
 * leavers (Roster still holds them as members, the source's complete member list no longer has
 * them) and joiners (the list has them, Roster does not hold them in the group, or does not know
 * them yet), which the increment did not read. They are read again so their groups, scope and
 * roles follow — a connector that reports complete member lists need not read joiners itself.
 */
final class MovedMembers {
  private final UserStore users;
  private final GroupIndex groups;

  MovedMembers(UserStore users, GroupIndex groups) {
    this.users = users;
    this.groups = groups;
  }

  /**
   * @param members changed groups' complete direct user members, by group external id
   * @param alreadyRead external ids the increment read (they are up to date)
   * @return external ids of the users to read again
   */
  List<String> find(Map<String, Set<String>> members, Set<String> alreadyRead) {
    Set<String> out = new LinkedHashSet<>();
    members.forEach((groupId, current) -> {
      Group g = groups.byExternalId(groupId);
      if (g == null) {
        return;
      }
      List<UUID> held = users.memberIds(g.id());
      Set<String> heldIds = new HashSet<>();
      for (int from = 0; from < held.size(); from += UserPhase.BATCH) {
        for (User u : users.findByIds(held.subList(from, Math.min(held.size(), from + UserPhase.BATCH)))) {
          if (u.externalId() == null) {
            continue;
          }
          heldIds.add(u.externalId());
          if (!current.contains(u.externalId()) && !alreadyRead.contains(u.externalId())) {
            out.add(u.externalId()); // left
          }
        }
      }
      for (String member : current) {
        if (!heldIds.contains(member) && !alreadyRead.contains(member)) {
          out.add(member); // joined
        }
      }
    });
    return new ArrayList<>(out);
  }
}
