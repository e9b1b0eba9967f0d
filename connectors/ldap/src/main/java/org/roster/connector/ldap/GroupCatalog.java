package org.roster.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.RejectedEntry;

/**
 * The profile's groups as one read found them: each group's DN, id and name by position, DN to
 * position, and the rejected group entries. With member lists read it also holds who each group
 * lists ({@link MembershipIndex}). Sets of ids come out immutable ({@code Set.of}), so that {@code
 * SourceUser} and {@code SourceGroup} take them without a copy.
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
  private MemberOfLookup memberOfLookup;
  private int[] positionBuffer = new int[16];

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
    memberOfLookup = null;
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

  /** Ids of the profile groups the group at {@code position} is a direct member of. */
  Set<String> parentIds(int position) {
    Group g = groups.get(position);
    if (g.memberOf() != null) {
      return idsOfDns(g.memberOf());
    }
    return ids(memberLists.groupsOf(DnKey.of(g.dn())));
  }

  /** Ids of the groups at these positions (an immutable set). */
  Set<String> ids(int[] positions) {
    return ids(positions, positions.length);
  }

  /** Ids of the profile groups among these DNs (memberOf values); others are skipped. */
  Set<String> idsOfDns(Collection<String> dns) {
    int[] positions = new int[dns.size()];
    int count = 0;
    for (String dn : dns) {
      int position = positionOf(dn);
      if (position >= 0) {
        positions[count++] = position;
      }
    }
    return ids(positions, count);
  }

  /**
   * Ids of the profile groups among these {@code memberOf} values as read; the same as {@link
   * #idsOfDns} of their strings, without decoding a value seen before.
   */
  Set<String> idsOfValues(ASN1OctetString[] memberOf) {
    if (memberOfLookup == null) {
      memberOfLookup = new MemberOfLookup(this::positionOf);
    }
    if (positionBuffer.length < memberOf.length) {
      positionBuffer = new int[memberOf.length];
    }
    int count = 0;
    for (ASN1OctetString value : memberOf) {
      int position = memberOfLookup.positionOf(value);
      if (position >= 0) {
        positionBuffer[count++] = position;
      }
    }
    return ids(positionBuffer, count);
  }

  /**
   * Ids of the groups at the first {@code count} positions, made by {@code Set.of}; few are
   * compared pairwise (two groups may share an id, a position may come twice).
   */
  private Set<String> ids(int[] positions, int count) {
    if (count > 16) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < count; i++) {
        ids.add(groups.get(positions[i]).externalId());
      }
      return Set.of(ids.toArray(String[]::new));
    }
    String[] ids = new String[count];
    int distinct = 0;
    next:
    for (int i = 0; i < count; i++) {
      String id = groups.get(positions[i]).externalId();
      for (int j = 0; j < distinct; j++) {
        if (ids[j].equals(id)) {
          continue next;
        }
      }
      ids[distinct++] = id;
    }
    return Set.of(distinct == count ? ids : Arrays.copyOf(ids, distinct));
  }
}
