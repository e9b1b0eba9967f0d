package org.roster.connector.azure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The profile's groups with what their member lists say: which of them each user is in, and which
 * of them each group is in. Only ids are kept (an int array of group positions per user), so
 * 100,000 users in a few groups each take some 20 MB.
 */
final class GroupCatalog {
  private final GroupListing listing;
  private final List<String> ids;
  private final Map<String, Integer> positions = new HashMap<>();
  private final Map<String, int[]> groupsOfUser = new HashMap<>();
  private final Map<String, int[]> parentsOfGroup = new HashMap<>();

  GroupCatalog(GroupListing listing) {
    this.listing = listing;
    this.ids = new ArrayList<>(listing.names().keySet());
    for (int i = 0; i < ids.size(); i++) {
      positions.put(ids.get(i), i);
    }
  }

  GroupListing listing() {
    return listing;
  }

  int size() {
    return ids.size();
  }

  String id(int position) {
    return ids.get(position);
  }

  String name(int position) {
    return listing.names().get(ids.get(position));
  }

  /** Records that the group at {@code position} lists this user among its (transitive) members. */
  void addUser(String userId, int position) {
    add(groupsOfUser, userId, position);
  }

  /** Records that the group at {@code position} lists this group among its members. */
  void addGroup(String groupId, int position) {
    if (positions.containsKey(groupId) && positions.get(groupId) != position) {
      add(parentsOfGroup, groupId, position);
    }
  }

  /** Ids of the profile's groups that list the user. */
  Set<String> groupsOf(String userId) {
    return idsAt(groupsOfUser.get(userId));
  }

  /** Ids of the profile's groups that list this group (one of the profile's). */
  Set<String> groupsOfGroup(String groupId) {
    return idsAt(parentsOfGroup.get(groupId));
  }

  /** Ids of the profile's groups that list the group at {@code position}. */
  Set<String> parentsOf(int position) {
    return idsAt(parentsOfGroup.get(ids.get(position)));
  }

  private Set<String> idsAt(int[] at) {
    if (at == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int p : at) {
      out.add(ids.get(p));
    }
    return out;
  }

  private static void add(Map<String, int[]> index, String key, int position) {
    int[] at = index.get(key);
    if (at == null) {
      index.put(key, new int[] {position});
      return;
    }
    for (int p : at) {
      if (p == position) {
        return;
      }
    }
    int[] grown = Arrays.copyOf(at, at.length + 1);
    grown[at.length] = position;
    index.put(key, grown);
  }
}
