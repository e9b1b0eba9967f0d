package org.roster.connector.okta;

import com.okta.sdk.resource.model.User;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;

/**
 * The user part of an incremental read, each user emitted once with all its profile groups ({@link
 * GroupIds}):
 *
 * <ol>
 *   <li>users whose {@code lastUpdated} is after the watermark ({@code search=lastUpdated gt
 *       "..."}, ANDed with the users filter); a DEPROVISIONED one (Okta's search returns them) is
 *       reported deleted;
 *   <li>with a users filter, users changed but no longer matching it are reported deleted, as a
 *       full read would no longer have them;
 *   <li>the members of groups whose membership changed, who are not among those: adding a member
 *       changes the group's {@code lastMembershipUpdated}, not the member's {@code lastUpdated}, so
 *       a joiner would otherwise come out without its new group.
 * </ol>
 */
final class UserChanges {
  private final Session session;
  private final GroupCatalog catalog;
  private final Set<String> membershipChanged;
  private final Instant from;
  private final ChangeSink sink;
  private final UserScan scan;
  private final GroupIds groupIds;
  private final Set<String> seen = new HashSet<>();

  UserChanges(
      Session session,
      GroupCatalog catalog,
      Set<String> membershipChanged,
      Instant from,
      ChangeSink sink) {
    this.session = session;
    this.catalog = catalog;
    this.membershipChanged = membershipChanged;
    this.from = from;
    this.sink = sink;
    this.scan = new UserScan(session);
    this.groupIds = new GroupIds(session, catalog);
  }

  /**
   * @return false when the sink asked to stop
   */
  boolean read() {
    String changed =
        "lastUpdated gt " + OktaExpression.literal(ChangeReader.OKTA_TIME.format(from));
    Optional<OktaExpression> filter = session.settings().usersFilter();
    String scoped = filter.map(f -> "(" + f.search() + ") and " + changed).orElse(changed);
    boolean goOn =
        search(
            "read changed users",
            scoped,
            user -> {
              seen.add(user.getId());
              return UserStatuses.deleted(user.getStatus())
                  ? sink.deleted(EntryKind.USER, user.getId())
                  : scan.emit(user, groupIds::of, sink);
            });
    if (goOn && filter.isPresent()) {
      goOn =
          search(
              "read changed users out of the users filter",
              changed,
              user -> !seen.add(user.getId()) || sink.deleted(EntryKind.USER, user.getId()));
    }
    return goOn && joiners(filter.isPresent());
  }

  private boolean joiners(boolean filtered) {
    Set<String> candidates = new LinkedHashSet<>();
    int limit = session.settings().pageSize();
    for (GroupCatalog.Entry group : catalog.groups()) {
      if (!membershipChanged.contains(group.id())) {
        continue;
      }
      boolean goOn =
          Pages.forEach(
              session,
              "read members of group " + group.name(),
              "GET /api/v1/groups/" + group.id() + "/users",
              after -> session.groups().listGroupUsers(group.id(), after, limit),
              user -> {
                if (user.getId() == null
                    || UserStatuses.deleted(user.getStatus())
                    || !seen.add(user.getId())) {
                  return true;
                }
                if (filtered) {
                  candidates.add(user.getId());
                  return true;
                }
                return scan.emit(user, groupIds::of, sink);
              });
      if (!goOn) {
        return false;
      }
    }
    return new UsersById(session, scan).read(candidates, groupIds::of, sink);
  }

  private boolean search(String step, String search, Predicate<User> each) {
    int limit = session.settings().pageSize();
    return Pages.forEach(
        session,
        step,
        "GET /api/v1/users",
        after -> session.users().listUsers(null, null, after, limit, null, search, null, null),
        each);
  }
}
