package org.roster.connector.okta;

import com.okta.sdk.resource.model.User;
import java.util.Set;
import java.util.function.Function;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.SourceUser;

/**
 * Reads users and hands them to a sink: the full read ({@code GET /api/v1/users}, paged, with every
 * profile group's members read first), and the mapping step the incremental reads share.
 */
final class UserScan {
  /** Okta's search for "any status but DEPROVISIONED" (it has no {@code ne}). */
  static final String NOT_DEPROVISIONED =
      "status lt \"DEPROVISIONED\" or status gt \"DEPROVISIONED\"";

  private final Session session;
  private final UserMapper mapper;

  UserScan(Session session) {
    this.session = session;
    this.mapper = new UserMapper(session.settings(), session.profiles());
  }

  /**
   * Emits every user in scope with its profile groups. Without a users filter this is Okta's plain
   * listing, which leaves DEPROVISIONED users out; a search includes them, so the filter is ANDed
   * with {@link #NOT_DEPROVISIONED}.
   *
   * @return false when the sink asked to stop
   */
  boolean all(EntrySink sink) {
    MembershipIndex index = MembershipIndex.read(session, session.catalog());
    String search =
        session
            .settings()
            .usersFilter()
            .map(f -> "(" + f.search() + ") and (" + NOT_DEPROVISIONED + ")")
            .orElse(null);
    int limit = session.settings().pageSize();
    return Pages.forEach(
        session,
        "read users",
        "GET /api/v1/users",
        after -> session.users().listUsers(null, null, after, limit, null, search, null, null),
        user -> UserStatuses.deleted(user.getStatus()) || emit(user, index::groupsOf, sink));
  }

  /**
   * Maps a user that is not DEPROVISIONED and hands it to the sink, or its rejection.
   *
   * @param groupsOf the user's profile groups by user id, asked only for a user that is emitted
   * @return the sink's answer: false to stop
   */
  boolean emit(User user, Function<String, Set<String>> groupsOf, EntrySink sink) {
    SourceUser mapped;
    try {
      mapped = mapper.user(user, groupsOf);
    } catch (MalformedEntryException e) {
      return sink.reject(UserMapper.rejection(user, e));
    }
    return sink.accept(mapped);
  }
}
