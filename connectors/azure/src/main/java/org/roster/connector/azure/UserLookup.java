package org.roster.connector.azure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;

/**
 * Reads users again by id, as they are now: {@value #IDS_PER_REQUEST} ids to a request ({@code
 * /users?$filter=id in (...)}, ANDed with the users filter, so that a user no longer in scope is
 * not returned), then each user's groups ({@link MemberOf}).
 */
final class UserLookup {

  /** Ids per request: Graph accepts at most 15 values in an {@code in} clause. */
  static final int IDS_PER_REQUEST = 15;

  private final Session session;
  private final MemberOf memberOf;

  UserLookup(Session session) {
    this.session = session;
    this.memberOf = new MemberOf(session);
  }

  /**
   * Streams the users that exist and are in scope to the sink.
   *
   * @param gone told of the users that were not found (deleted, or out of the users filter); empty
   *     to say nothing of them
   * @return false when the sink stopped the read
   */
  boolean read(Collection<String> ids, EntrySink sink, Optional<ChangeSink> gone) {
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += IDS_PER_REQUEST) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_REQUEST));
      Set<String> found = new HashSet<>();
      if (!readChunk(chunk, sink, found)) {
        return false;
      }
      if (gone.isPresent()) {
        for (String id : chunk) {
          if (!found.contains(id) && !gone.get().deleted(EntryKind.USER, id)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * {@code id in ('a','b') and (<users filter>)}: at most {@value #IDS_PER_REQUEST} of these users,
   * unless out of the users filter.
   */
  static String byIds(List<String> ids, Optional<ODataFilter> usersFilter) {
    StringJoiner in = new StringJoiner(",", "id in (", ")");
    ids.forEach(id -> in.add(ODataFilter.quoted(id)));
    return usersFilter.map(f -> in + " and (" + f.odata() + ")").orElse(in.toString());
  }

  private boolean readChunk(List<String> ids, EntrySink sink, Set<String> found) {
    UserMapper mapper = session.mapper();
    String url =
        session
            .query("/users")
            .select(mapper.select())
            .filter(Optional.of(byIds(ids, session.settings().usersFilter())))
            .build();
    GroupListing scope = session.scope();
    return Pages.read(
            session.graph(),
            "read users by id",
            url,
            user -> {
              String id = user.path("id").asText("");
              Optional<RejectedEntry> rejected = mapper.rejection(user);
              if (rejected.isPresent()) {
                found.add(id);
                return sink.reject(rejected.get());
              }
              Optional<Set<String>> groups = memberOf.user(id, scope);
              if (groups.isEmpty()) {
                return true; // deleted since: reads as not found
              }
              found.add(id);
              return sink.accept(mapper.user(user, groups.get()));
            })
        .complete();
  }
}
