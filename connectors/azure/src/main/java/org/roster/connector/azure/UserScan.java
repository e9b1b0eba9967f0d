package org.roster.connector.azure;

import java.util.Optional;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;

/**
 * Reads every user of {@code /users} (with the users filter), 999 a page, each given the profile's
 * groups that list it.
 */
final class UserScan {
  private final Session session;

  UserScan(Session session) {
    this.session = session;
  }

  /**
   * Streams the users to the sink.
   *
   * @return false when the sink stopped the read
   */
  boolean run(GroupCatalog catalog, EntrySink sink) {
    UserMapper mapper = session.mapper();
    String url =
        session
            .query("/users")
            .select(mapper.select())
            .top(999)
            .filter(session.settings().usersFilter().map(ODataFilter::odata))
            .build();
    return Pages.read(
            session.graph(),
            "read users",
            url,
            user -> {
              Optional<RejectedEntry> rejected = mapper.rejection(user);
              if (rejected.isPresent()) {
                return sink.reject(rejected.get());
              }
              return sink.accept(mapper.user(user, catalog.groupsOf(user.path("id").asText())));
            })
        .complete();
  }
}
