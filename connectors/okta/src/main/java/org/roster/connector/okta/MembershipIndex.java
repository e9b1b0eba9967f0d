package org.roster.connector.okta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every member of every profile group, as user id to the ids of the groups it is in: the members of
 * each group ({@code GET /api/v1/groups/{id}/users}, paged) read once. What a full user read needs;
 * an incremental read builds it only when asking per user would cost more.
 */
final class MembershipIndex {
  private final Map<String, List<String>> groupsByUser;

  private MembershipIndex(Map<String, List<String>> groupsByUser) {
    this.groupsByUser = groupsByUser;
  }

  static MembershipIndex read(Session session, GroupCatalog catalog) {
    Map<String, List<String>> groupsByUser = new HashMap<>();
    int limit = session.settings().pageSize();
    for (GroupCatalog.Entry group : catalog.groups()) {
      String groupId = group.id();
      Pages.forEach(
          session,
          "read members of group " + group.name(),
          "GET /api/v1/groups/" + groupId + "/users",
          after -> session.groups().listGroupUsers(groupId, after, limit),
          user -> {
            if (user.getId() != null) {
              groupsByUser.computeIfAbsent(user.getId(), k -> new ArrayList<>(2)).add(groupId);
            }
            return true;
          });
    }
    return new MembershipIndex(groupsByUser);
  }

  /** The ids of the profile groups the user is a direct member of. */
  Set<String> groupsOf(String userId) {
    List<String> ids = groupsByUser.get(userId);
    return ids == null ? Set.of() : Set.copyOf(ids);
  }
}
