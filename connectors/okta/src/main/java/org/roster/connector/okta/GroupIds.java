package org.roster.connector.okta;

import com.okta.sdk.resource.common.PagedList;
import com.okta.sdk.resource.model.Group;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profile groups of the users an incremental read emits. Asks Okta per user ({@code GET
 * /api/v1/users/{id}/groups}) while that is cheaper than reading every group's members, then
 * switches to a {@link MembershipIndex}: once the lookups outnumber the profile's groups (reading
 * all members costs at least one call per group), or when a user's groups do not fit one page.
 */
final class GroupIds {
  private final Session session;
  private final GroupCatalog catalog;
  private final int maxLookups;
  private MembershipIndex index;
  private int lookups;

  GroupIds(Session session, GroupCatalog catalog) {
    this(session, catalog, catalog.size());
  }

  private GroupIds(Session session, GroupCatalog catalog, int maxLookups) {
    this.session = session;
    this.catalog = catalog;
    this.maxLookups = maxLookups;
  }

  /**
   * Asks per user however many users there are (unless a user's groups do not fit one page): for a
   * search, whose users are bounded by its limit, while the members of every group may be many
   * pages.
   */
  static GroupIds perUser(Session session, GroupCatalog catalog) {
    return new GroupIds(session, catalog, Integer.MAX_VALUE);
  }

  /** The ids of the profile groups the user is a direct member of. */
  @SuppressWarnings("deprecation") // PagedList tells whether the groups fit one page
  Set<String> of(String userId) {
    if (index == null && lookups >= maxLookups) {
      index = MembershipIndex.read(session, catalog);
    }
    if (index != null) {
      return index.groupsOf(userId);
    }
    lookups++;
    List<Group> groups =
        session.call(
            "read groups of user " + userId,
            "GET /api/v1/users/" + userId + "/groups",
            () -> session.userResources().listUserGroups(userId));
    if (groups instanceof PagedList<Group> paged && paged.hasMoreItems()) {
      index = MembershipIndex.read(session, catalog);
      return index.groupsOf(userId);
    }
    return groups == null
        ? Set.of()
        : groups.stream()
            .map(Group::getId)
            .filter(id -> id != null && catalog.contains(id))
            .collect(Collectors.toUnmodifiableSet());
  }
}
