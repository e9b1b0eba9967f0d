package org.roster.connector.azure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiPredicate;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.UserFields;

/**
 * The directory search behind selective import, answered by Graph's {@code $filter} on the server
 * (no full read, and no {@code $search}, which needs {@code ConsistencyLevel: eventual}): by name
 * (users whose login, display, given or family name or mail starts with the text, and the
 * profile's groups whose display name does), by group (the users of the profile's groups of that
 * exact name) or by an RFC 4515 filter. Users are always ANDed with the users filter; the text is
 * quoted for OData. {@link SearchHits} adds the memberships.
 */
final class DirectorySearch {

  /** The field an invalid query is reported on: the search's {@code q} parameter. */
  static final String QUERY_FIELD = "q";

  /**
   * User properties whose {@code startswith()} Graph serves without advanced queries; see <a
   * href="https://learn.microsoft.com/en-us/graph/aad-advanced-queries">Advanced query capabilities
   * on Microsoft Entra ID objects</a>. A mapped property not listed (onPremisesSamAccountName,
   * companyName, a path into a complex property) is left out of a name search.
   */
  static final Set<String> PREFIX_PROPERTIES =
      Set.of(
          "userPrincipalName",
          "mail",
          "givenName",
          "surname",
          "displayName",
          "mailNickname",
          "otherMails",
          "proxyAddresses",
          "imAddresses",
          "employeeId",
          "onPremisesUserPrincipalName");

  private static final int MAX_PAGE = 999;

  private final Session session;
  private final AzureSettings settings;

  DirectorySearch(Session session) {
    this.session = session;
    this.settings = session.settings();
  }

  List<SourceEntry> search(DirectoryQuery query, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    String text = query.text().strip();
    Optional<ODataFilter> filter =
        query.by() == DirectoryQuery.By.FILTER
            ? Optional.of(ODataFilter.translate(QUERY_FIELD, text))
            : Optional.empty();
    SearchHits hits = new SearchHits(limit, session.mapper());
    switch (query.by()) {
      case NAME -> {
        groups(ODataFilter.startsWith("displayName", text), hits.room())
            .forEach(hits::group);
        Optional<String> names = nameFilter(text);
        if (names.isPresent() && hits.room() > 0) {
          users("search users", names.get(), false, hits);
        }
      }
      case GROUP -> members(groups(ODataFilter.equalTo("displayName", text), MAX_PAGE), hits);
      case FILTER -> users("search users", filter.orElseThrow().odata(), true, hits);
    }
    return hits.entries(session);
  }

  /** The profile's groups matching the condition (and groupsFilter, and groups), id to name. */
  private Map<String, String> groups(String condition, int max) {
    GroupSelection selection = settings.groups();
    String url =
        session
            .query("/groups")
            .select(List.of("id", "displayName"))
            .top(Math.min(MAX_PAGE, max))
            .filter(Optional.of(and(condition, selection.filter().map(ODataFilter::odata))))
            .build();
    BiPredicate<String, String> selected = selection.selector();
    Map<String, String> found = new LinkedHashMap<>();
    Pages.read(
        session.graph(),
        "search groups",
        url,
        group -> {
          String id = group.path("id").asText("");
          String name = group.path("displayName").asText("").strip();
          if (!id.isEmpty() && !name.isEmpty() && selected.test(id, name)) {
            found.put(id, name);
          }
          return found.size() < max;
        });
    return found;
  }

  /** {@code startswith()} on each mapped name property Graph can prefix-match, ORed. */
  private Optional<String> nameFilter(String text) {
    GraphMapping mapping = settings.mapping();
    Set<String> properties = new LinkedHashSet<>(mapping.login());
    for (String field :
        List.of(
            UserFields.DISPLAY_NAME,
            UserFields.GIVEN_NAME,
            UserFields.FAMILY_NAME,
            UserFields.EMAIL)) {
      properties.addAll(mapping.fields().getOrDefault(field, List.of()));
    }
    StringJoiner any = new StringJoiner(" or ");
    properties.stream()
        .filter(PREFIX_PROPERTIES::contains)
        .forEach(p -> any.add(ODataFilter.startsWith(p, text)));
    return any.length() == 0 ? Optional.empty() : Optional.of(any.toString());
  }

  /** Users matching the condition and the users filter, until the hits are full. */
  private void users(String step, String condition, boolean adminFilter, SearchHits hits) {
    UserMapper mapper = session.mapper();
    String url =
        session
            .query("/users")
            .select(mapper.select())
            .top(Math.min(MAX_PAGE, hits.room()))
            .filter(Optional.of(and(condition, settings.usersFilter().map(ODataFilter::odata))))
            .build();
    if (adminFilter) {
      Pages.search(session.graph(), step, url, hits::user);
    } else {
      Pages.read(session.graph(), step, url, hits::user);
    }
  }

  /**
   * The users among the groups' members (transitive ones with {@code nestedGroups}, as a full read
   * counts them), read again {@value UserLookup#IDS_PER_REQUEST} ids a request so that the users
   * filter applies, until the hits are full.
   */
  private void members(Map<String, String> groups, SearchHits hits) {
    String relation = settings.nestedGroups() ? "/transitiveMembers" : "/members";
    Set<String> seen = new HashSet<>();
    List<String> batch = new ArrayList<>();
    for (String groupId : groups.keySet()) {
      String url =
          session
              .query(GroupListing.location(groupId) + relation)
              .select(List.of("id"))
              .top(MAX_PAGE)
              .build();
      // a group deleted since it was found has no members to offer
      Pages.readIfFound(
          session.graph(),
          "search group members",
          url,
          member -> {
            String id = member.path("id").asText("");
            if (member.path("@odata.type").asText("").equals(GroupScan.USER_TYPE)
                && seen.add(id)) {
              batch.add(id);
              if (batch.size() == UserLookup.IDS_PER_REQUEST) {
                usersById(batch, hits);
              }
            }
            return hits.room() > 0;
          });
      if (hits.room() == 0) {
        return;
      }
    }
    usersById(batch, hits);
  }

  private void usersById(List<String> ids, SearchHits hits) {
    if (!ids.isEmpty() && hits.room() > 0) {
      String url =
          session
              .query("/users")
              .select(session.mapper().select())
              .filter(Optional.of(UserLookup.byIds(ids, settings.usersFilter())))
              .build();
      Pages.read(session.graph(), "search group members", url, hits::user);
    }
    ids.clear();
  }

  private static String and(String condition, Optional<String> scope) {
    return scope.map(s -> "(" + condition + ") and (" + s + ")").orElse(condition);
  }
}
