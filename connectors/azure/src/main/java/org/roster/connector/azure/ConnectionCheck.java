package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.roster.connector.api.SourceDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a connection test, each failing with a message that starts with its name: {@code
 * token} (and {@code tls}), {@code read users} (one user, with the users filter), {@code mapping}
 * (that user has the login property), {@code read groups} (the profile's groups), {@code groups}
 * (every group the {@code groups} setting lists exists) and {@code read group members} (one member
 * of one group: the GroupMember.Read.All permission).
 */
final class ConnectionCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);

  private final Session session;

  ConnectionCheck(Session session) {
    this.session = session;
  }

  void run() {
    GraphClient graph = session.graph();
    UserMapper mapper = session.mapper();
    String users =
        session
            .query("/users")
            .select(mapper.select())
            .top(1)
            .filter(session.settings().usersFilter().map(ODataFilter::odata))
            .build();
    JsonNode page = graph.get("read users", users, GraphClient.Mode.READ).orElseThrow();
    JsonNode first = page.path("value").path(0);
    if (first.isObject()) {
      checkMapping(first, mapper);
    } else {
      LOG.info(
          "Profile {}: connection test found no user matching the users filter",
          session.context().profileId());
    }
    GroupListing scope = session.scope();
    checkListedGroups(scope);
    Optional<String> group = scope.names().keySet().stream().findFirst();
    if (group.isPresent()) {
      String members =
          session
              .query(GroupListing.location(group.get()) + "/members")
              .select(List.of("id"))
              .top(1)
              .build();
      graph.get("read group members", members, GraphClient.Mode.READ);
    }
  }

  private static void checkMapping(JsonNode user, UserMapper mapper) {
    mapper
        .rejection(user)
        .ifPresent(
            r -> {
              throw new SourceDataException(
                  "mapping: the first user read, "
                      + r.location()
                      + ", "
                      + r.reason()
                      + "; check the mapping");
            });
  }

  private void checkListedGroups(GroupListing scope) {
    GroupSelection selection = session.settings().groups();
    Set<String> found =
        scope.names().entrySet().stream()
            .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<String> missing =
        selection.namesOrIds().stream()
            .filter(n -> !found.contains(n.toLowerCase(Locale.ROOT)))
            .toList();
    if (!missing.isEmpty()) {
      throw new SourceDataException(
          "groups: no group "
              + (selection.filter().isPresent() ? "matching groupsFilter " : "")
              + "has the display name or id "
              + missing);
    }
  }
}
