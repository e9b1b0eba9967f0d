package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SyncToken;

/**
 * Reads changes with Graph's delta queries ({@code /users/delta}, {@code /groups/delta} with {@code
 * members}); see the package documentation for what each read returns. The group read remembers
 * whose memberships changed, and the user read of the same token reads those users again.
 */
final class ChangeReader {
  private static final String REMOVED = "@removed";
  private static final String MEMBERS_DELTA = "members@delta";

  private final Session session;
  private final UserLookup lookup;
  private final MemberOf memberOf;

  /** The last group read's token and new groups link, and the users whose memberships changed. */
  private GroupChanges groupChanges;

  private record GroupChanges(SyncToken since, String groupsLink, Set<String> users) {}

  ChangeReader(Session session) {
    this.session = session;
    this.lookup = new UserLookup(session);
    this.memberOf = new MemberOf(session);
  }

  /** Delta links for "from now on" ({@code $deltatoken=latest}): nothing is read. */
  SyncToken currentToken() {
    return new DeltaToken(
            latest("user changes", usersDelta()), latest("group changes", groupsDelta()))
        .toSyncToken();
  }

  /** Changed and deleted groups; membership changes are kept for the user read. */
  SyncToken readGroups(SyncToken since, ChangeSink sink) {
    DeltaToken token = DeltaToken.parse(since, session.settings().endpoints().graphBase());
    GroupListing scope = session.scope();
    Set<String> members = new LinkedHashSet<>();
    Set<String> emitted = new HashSet<>();
    Pages.End end =
        Pages.resume(
            session.graph(),
            "read group changes",
            token.groupsLink(),
            group -> groupChanged(group, scope, members, emitted, sink));
    if (!end.complete()) {
      return since;
    }
    String link = deltaLink(end, "group changes");
    groupChanges = new GroupChanges(since, link, members);
    return token.withGroupsLink(link).toSyncToken();
  }

  /** Changed and deleted users, and the users whose memberships the group read saw change. */
  SyncToken readUsers(SyncToken since, ChangeSink sink) {
    DeltaToken token = DeltaToken.parse(since, session.settings().endpoints().graphBase());
    Set<String> changed = new LinkedHashSet<>();
    Set<String> removed = new HashSet<>();
    Pages.End end =
        Pages.resume(
            session.graph(),
            "read user changes",
            token.usersLink(),
            user -> {
              String id = user.path("id").asText("");
              if (user.has(REMOVED)) {
                removed.add(id);
                return sink.deleted(EntryKind.USER, id);
              }
              changed.add(id);
              return true;
            });
    if (!end.complete()) {
      return since;
    }
    DeltaToken next = token.withUsersLink(deltaLink(end, "user changes"));
    if (groupChanges != null && groupChanges.since().equals(since)) {
      changed.addAll(groupChanges.users());
      next = next.withGroupsLink(groupChanges.groupsLink());
    }
    changed.removeAll(removed);
    if (!lookup.read(changed, sink, Optional.of(sink))) {
      return since;
    }
    return next.toSyncToken();
  }

  private boolean groupChanged(
      JsonNode group,
      GroupListing scope,
      Set<String> members,
      Set<String> emitted,
      ChangeSink sink) {
    String id = group.path("id").asText("");
    if (group.has(REMOVED)) {
      return sink.deleted(EntryKind.GROUP, id);
    }
    boolean nested = session.settings().nestedGroups();
    for (JsonNode member : group.path(MEMBERS_DELTA)) {
      String type = member.path("@odata.type").asText("");
      String memberId = member.path("id").asText("");
      if (type.equals(GroupScan.USER_TYPE) && (nested || scope.contains(id))) {
        members.add(memberId);
      } else if (type.equals(GroupScan.GROUP_TYPE)) {
        checkNesting(id, memberId, member.has(REMOVED), scope);
      }
    }
    if (!ownChanges(group) || !emitted.add(id)) {
      return true;
    }
    if (!scope.contains(id)) {
      // out of the profile's groups now, or never in them: the engine ignores unknown ids
      return sink.deleted(EntryKind.GROUP, id);
    }
    Optional<Set<String>> parents = memberOf.group(id, scope);
    if (parents.isEmpty()) {
      return sink.deleted(EntryKind.GROUP, id);
    }
    return sink.accept(
        new SourceGroup(id, scope.names().get(id), GroupListing.location(id), parents.get()));
  }

  /**
   * A group was added to or taken out of another. When that changes which of the profile's groups
   * users are in, everyone below must be read again: a full sync.
   */
  private void checkNesting(String parentId, String childId, boolean removed, GroupListing scope) {
    boolean matters =
        session.settings().nestedGroups()
            ? scope.contains(parentId)
                || memberOf.group(parentId, scope).map(s -> !s.isEmpty()).orElse(false)
            : scope.contains(parentId) && scope.contains(childId);
    if (matters) {
      throw new FullSyncRequiredException(
          "group "
              + childId
              + (removed ? " was taken out of" : " was added to")
              + " group "
              + parentId
              + "; nested memberships are read again in a full sync");
    }
  }

  /** True when a delta item carries more than its id and membership changes. */
  private static boolean ownChanges(JsonNode group) {
    return group.properties().stream()
        .map(Map.Entry::getKey)
        .anyMatch(
            name -> !name.equals("id") && !name.equals(MEMBERS_DELTA) && !name.startsWith("@"));
  }

  private String usersDelta() {
    Set<String> select = new LinkedHashSet<>(session.mapper().select());
    session.settings().usersFilter().ifPresent(f -> select.addAll(f.properties()));
    return session.query("/users/delta").select(select).build();
  }

  private String groupsDelta() {
    Set<String> select = new LinkedHashSet<>(List.of("id", "displayName", "members"));
    session.settings().groups().filter().ifPresent(f -> select.addAll(f.properties()));
    return session.query("/groups/delta").select(select).build();
  }

  private String latest(String what, String deltaUrl) {
    String url = deltaUrl + "&$deltatoken=latest";
    return deltaLink(Pages.read(session.graph(), "read " + what, url, item -> true), what);
  }

  private static String deltaLink(Pages.End end, String what) {
    return end.deltaLink()
        .orElseThrow(
            () ->
                new SourceDataException(
                    "read " + what + ": Graph's last page has no @odata.deltaLink"));
  }
}
