package org.roster.application.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.UserStore;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;

/**
 * Finds the users who left a changed group without their own entry changing: Roster still holds
 * them as members, the source's complete member list no longer has them, and the increment did
 * not read them. They are read again so their groups, scope and roles follow.
 */
final class Leavers {
  private final UserStore users;
  private final GroupIndex groups;

  Leavers(UserStore users, GroupIndex groups) {
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
      for (int from = 0; from < held.size(); from += UserPhase.BATCH) {
        for (User u : users.findByIds(held.subList(from, Math.min(held.size(), from + UserPhase.BATCH)))) {
          if (u.externalId() != null && !current.contains(u.externalId()) && !alreadyRead.contains(u.externalId())) {
            out.add(u.externalId());
          }
        }
      }
    });
    return new ArrayList<>(out);
  }
}
