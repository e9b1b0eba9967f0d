package org.roster.connector.azure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads which of the profile's groups one user or group is in: {@code /memberOf}, or {@code
 * /transitiveMemberOf} with {@code nestedGroups} (the same relation a full read takes from the
 * groups' side). Used where reading every group's members would cost too much: changed users and
 * groups, and users read again by id.
 */
final class MemberOf {
  private final Session session;

  MemberOf(Session session) {
    this.session = session;
  }

  /** The profile's groups the user is in; empty when the user no longer exists. */
  Optional<Set<String>> user(String userId, GroupListing scope) {
    return of(UserMapper.location(userId), scope);
  }

  /** The profile's groups the group is in; empty when the group no longer exists. */
  Optional<Set<String>> group(String groupId, GroupListing scope) {
    return of(GroupListing.location(groupId), scope);
  }

  private Optional<Set<String>> of(String path, GroupListing scope) {
    String relation = session.settings().nestedGroups() ? "/transitiveMemberOf" : "/memberOf";
    String url = session.query(path + relation).select(List.of("id")).top(999).build();
    Set<String> groups = new LinkedHashSet<>();
    return Pages.readIfFound(
            session.graph(),
            "read memberships",
            url,
            group -> {
              String id = group.path("id").asText("");
              if (group.path("@odata.type").asText("").equals(GroupScan.GROUP_TYPE)
                  && scope.contains(id)) {
                groups.add(id);
              }
              return true;
            })
        .map(end -> groups);
  }
}
