package org.roster.connector.ldap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.RejectedEntry;

/**
 * The profile's groups as one read found them: each group's DN, id and name by position, DN to
 * position, and the rejected group entries. With member lists read it also holds who each group
 * lists ({@link MembershipIndex}).
 */
final class GroupCatalog {

  /**
   * One group.
   *
   * @param memberOf its {@code memberOf} values when membership is read from members, else null
   */
  record Group(String dn, String externalId, String name, List<String> memberOf) {}

  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Integer> positionByDn = new HashMap<>();
  private final List<RejectedEntry> rejected = new ArrayList<>();
  private final MembershipIndex memberLists = new MembershipIndex();
  private final MembershipIndex userMembers;
  private final boolean usersByMemberOf;

  /**
   * @param membership where membership was read: member lists, or the members' {@code memberOf}
   * @param separateUserMembers true when users' membership comes from the group-members filter
   *     rather than from the member lists
   */
  GroupCatalog(MembershipAttribute membership, boolean separateUserMembers) {
    this.userMembers = separateUserMembers ? new MembershipIndex() : memberLists;
    this.usersByMemberOf = membership == MembershipAttribute.MEMBER_OF && !separateUserMembers;
  }

  /** True when a user's groups are its {@code memberOf} values; false to look it up here. */
  boolean usersByMemberOf() {
    return usersByMemberOf;
  }

  /** The position of the profile group with this DN, or -1. */
  int positionOf(String dn) {
    Integer position = positionByDn.get(DnKey.of(dn));
    return position == null ? -1 : position;
  }

  /** Adds a group; returns its position. */
  int add(String dn, String externalId, String name, List<String> memberOf) {
    int position = groups.size();
    groups.add(new Group(dn, externalId, name, memberOf));
    positionByDn.put(DnKey.of(dn), position);
    return position;
  }

  void reject(RejectedEntry entry) {
    rejected.add(entry);
  }

  List<Group> groups() {
    return groups;
  }

  List<RejectedEntry> rejected() {
    return rejected;
  }

  /** Member values of the groups' member attribute, for nesting (and users unless separate). */
  MembershipIndex memberLists() {
    return memberLists;
  }

  /** Where users' groups are looked up. */
  MembershipIndex userMembers() {
    return userMembers;
  }

  /** The id of the profile group with this DN, or null when it is not one. */
  String idOf(String dn) {
    Integer position = positionByDn.get(DnKey.of(dn));
    return position == null ? null : groups.get(position).externalId();
  }

  /** Ids of the profile groups the group at {@code position} is a direct member of. */
  Set<String> parentIds(int position) {
    Group g = groups.get(position);
    if (g.memberOf() != null) {
      return idsOfDns(g.memberOf());
    }
    return ids(memberLists.groupsOf(DnKey.of(g.dn())));
  }

  /** Ids of the groups at these positions. */
  Set<String> ids(int[] positions) {
    Set<String> ids = new LinkedHashSet<>();
    for (int p : positions) {
      ids.add(groups.get(p).externalId());
    }
    return ids;
  }

  /** Ids of the profile groups among these DNs (memberOf values); others are skipped. */
  Set<String> idsOfDns(Collection<String> dns) {
    Set<String> ids = new LinkedHashSet<>();
    for (String dn : dns) {
      String id = idOf(dn);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }
}
