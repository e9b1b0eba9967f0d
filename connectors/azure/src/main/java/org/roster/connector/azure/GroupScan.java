package org.roster.connector.azure;

import java.util.List;

/**
 * Reads the members of each of the profile's groups ({@code /groups/{id}/members}, or {@code
 * /transitiveMembers} with {@code nestedGroups}) into a {@link GroupCatalog}, one paged request per
 * group, reading each member's {@code @odata.type}: users become memberships, groups nesting;
 * devices, contacts and service principals are ignored.
 */
final class GroupScan {
  static final String USER_TYPE = "#microsoft.graph.user";
  static final String GROUP_TYPE = "#microsoft.graph.group";

  private final Session session;

  GroupScan(Session session) {
    this.session = session;
  }

  GroupCatalog run(GroupListing listing) {
    GroupCatalog catalog = new GroupCatalog(listing);
    String relation = session.settings().nestedGroups() ? "/transitiveMembers" : "/members";
    for (int i = 0; i < catalog.size(); i++) {
      int position = i;
      String url =
          session
              .query(GroupListing.location(catalog.id(i)) + relation)
              .select(List.of("id"))
              .top(999)
              .build();
      // a group deleted since the listing reads as empty; the next run sees it gone
      Pages.readIfFound(
          session.graph(),
          "read group members",
          url,
          member -> {
            String type = member.path("@odata.type").asText("");
            String id = member.path("id").asText("");
            if (type.equals(USER_TYPE)) {
              catalog.addUser(id, position);
            } else if (type.equals(GROUP_TYPE)) {
              catalog.addGroup(id, position);
            }
            return true;
          });
    }
    return catalog;
  }
}
