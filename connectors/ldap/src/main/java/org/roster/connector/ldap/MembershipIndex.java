package org.roster.connector.ldap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Member DN (a {@link DnKey}) to the positions of the groups that list it, built while groups are
 * read. Kept small for big directories: one string and one short int array per member.
 */
final class MembershipIndex {
  private static final int[] NONE = new int[0];

  private final Map<String, int[]> groupsByMember = new HashMap<>();

  /** Records that the group at {@code group} lists {@code memberKey}. */
  void add(String memberKey, int group) {
    int[] groups = groupsByMember.get(memberKey);
    if (groups == null) {
      groupsByMember.put(memberKey, new int[] {group});
      return;
    }
    for (int g : groups) {
      if (g == group) {
        return;
      }
    }
    int[] more = Arrays.copyOf(groups, groups.length + 1);
    more[groups.length] = group;
    groupsByMember.put(memberKey, more);
  }

  /** The positions of the groups that list this member; empty when none. */
  int[] groupsOf(String memberKey) {
    return groupsByMember.getOrDefault(memberKey, NONE);
  }

  /** Hands on every member listed by one of the groups at these positions. */
  void forEachMemberOf(
      java.util.Set<Integer> positions, java.util.function.Consumer<String> members) {
    groupsByMember.forEach(
        (member, groups) -> {
          for (int g : groups) {
            if (positions.contains(g)) {
              members.accept(member);
              return;
            }
          }
        });
  }

  int size() {
    return groupsByMember.size();
  }
}
