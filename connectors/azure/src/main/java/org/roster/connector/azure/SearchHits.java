package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;

/**
 * What a search found, up to its limit: groups (id and name) and Graph users, in the order found;
 * users the mapping rejects (no login) are left out. {@link #entries} then reads which of the
 * profile's groups each is in, the cheaper of two ways: each entry's {@code memberOf} (one request
 * or more per entry) when fewer entries were found than the profile has groups, else every group's
 * member list as a full read does (one request or more per group).
 */
final class SearchHits {
  private final int limit;
  private final UserMapper mapper;
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final List<JsonNode> users = new ArrayList<>();
  private final Set<String> userIds = new HashSet<>();

  SearchHits(int limit, UserMapper mapper) {
    this.limit = limit;
    this.mapper = mapper;
  }

  /** How many more entries fit. */
  int room() {
    return limit - groups.size() - users.size();
  }

  /** Adds a group unless full. */
  void group(String id, String name) {
    if (room() > 0) {
      groups.putIfAbsent(id, name);
    }
  }

  /**
   * Adds a Graph user unless full, rejected or already found.
   *
   * @return whether there is room for more
   */
  boolean user(JsonNode user) {
    if (room() > 0
        && mapper.rejection(user).isEmpty()
        && userIds.add(user.path("id").asText())) {
      users.add(user);
    }
    return room() > 0;
  }

  /** The groups, then the users, each with the profile's groups it is in. */
  List<SourceEntry> entries(Session session) {
    List<SourceEntry> out = new ArrayList<>();
    if (groups.isEmpty() && users.isEmpty()) {
      return out;
    }
    GroupListing scope = session.scope();
    Function<String, Set<String>> groupsOfGroup;
    Function<String, Set<String>> groupsOfUser;
    if (groups.size() + users.size() < scope.names().size()) {
      MemberOf memberOf = new MemberOf(session);
      groupsOfGroup = id -> memberOf.group(id, scope).orElse(Set.of());
      groupsOfUser = id -> memberOf.user(id, scope).orElse(Set.of());
    } else {
      GroupCatalog catalog = session.catalog();
      groupsOfGroup = catalog::groupsOfGroup;
      groupsOfUser = catalog::groupsOf;
    }
    groups.forEach(
        (id, name) ->
            out.add(
                new SourceGroup(id, name, GroupListing.location(id), groupsOfGroup.apply(id))));
    for (JsonNode user : users) {
      out.add(mapper.user(user, groupsOfUser.apply(user.path("id").asText())));
    }
    return out;
  }
}
