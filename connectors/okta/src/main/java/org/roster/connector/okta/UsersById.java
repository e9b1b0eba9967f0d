package org.roster.connector.okta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.roster.connector.api.EntrySink;

/**
 * Reads users again by id as they are now: {@value #IDS_PER_SEARCH} ids to one search ({@code id eq
 * "..." or ...}), ANDed with the users filter, so that a user out of scope, DEPROVISIONED or gone
 * is simply not emitted.
 */
final class UsersById {
  /** Ids per search: keeps the request URL near 2 KB. */
  static final int IDS_PER_SEARCH = 50;

  private final Session session;
  private final UserScan scan;

  UsersById(Session session, UserScan scan) {
    this.session = session;
    this.scan = scan;
  }

  /**
   * @param groupsOf the users' profile groups by user id
   * @return false when the sink asked to stop
   */
  boolean read(Collection<String> ids, Function<String, Set<String>> groupsOf, EntrySink sink) {
    List<String> all = new ArrayList<>(ids);
    int limit = session.settings().pageSize();
    for (int from = 0; from < all.size(); from += IDS_PER_SEARCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + IDS_PER_SEARCH));
      String byId =
          String.join(
              " or ", batch.stream().map(id -> "id eq " + OktaExpression.literal(id)).toList());
      String search =
          session
              .settings()
              .usersFilter()
              .map(f -> "(" + f.search() + ") and (" + byId + ")")
              .orElse(byId);
      boolean goOn =
          Pages.forEach(
              session,
              "read users by id",
              "GET /api/v1/users",
              after ->
                  session.users().listUsers(null, null, after, limit, null, search, null, null),
              user -> UserStatuses.deleted(user.getStatus()) || scan.emit(user, groupsOf, sink));
      if (!goOn) {
        return false;
      }
    }
    return true;
  }
}
