package org.roster.connector.okta;

import com.okta.sdk.resource.model.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.UserFields;

/**
 * The directory search behind selective import, with Okta's own search (server side: never a full
 * listing), always within the profile's scope:
 *
 * <ul>
 *   <li>by name: the profile's groups whose name starts with the text ({@code GET /api/v1/groups
 *       ?search=(<groups scope>) and profile.name sw "..."}), then the users whose login, display
 *       name, given name, family name or mail property (as mapped) starts with it ({@code GET
 *       /api/v1/users?search=...}). Okta's {@code sw} ignores case; Okta has no "contains" for
 *       group names nor for most user properties, so the text is a prefix. Okta's {@code q} is not
 *       used: it matches first name, last name and mail only, never the login;
 *   <li>by group: the members ({@code GET /api/v1/groups/{id}/users}) of the profile's groups whose
 *       name is the text, ignoring case; with a users filter they are read again by id with it
 *       ({@link UsersById});
 *   <li>by filter: an RFC 4515 filter translated as {@code usersFilter} is ({@link
 *       OktaExpression}).
 * </ul>
 *
 * A user search is ANDed with the users filter and with "not DEPROVISIONED" (Okta's search returns
 * DEPROVISIONED users). The text is an escaped Okta string literal ({@link
 * OktaExpression#literal}). Users are mapped as a full read maps them, their profile groups asked
 * per user ({@link GroupIds#perUser}). Entries come in Okta's order, groups first, at most {@code
 * limit} in all.
 */
final class DirectorySearch {
  /** The fields besides the login whose properties a search by name tests. */
  private static final List<String> NAME_FIELDS =
      List.of(
          UserFields.DISPLAY_NAME, UserFields.GIVEN_NAME, UserFields.FAMILY_NAME, UserFields.EMAIL);

  private final Session session;
  private final OktaSettings settings;
  private final UserScan scan;
  private GroupIds groupIds;

  DirectorySearch(Session session) {
    this.session = session;
    this.settings = session.settings();
    this.scan = new UserScan(session);
  }

  /**
   * @throws InvalidSettingsException (field {@code q}) for a filter that is not RFC 4515, that has
   *     no Okta equivalent, or that Okta refuses
   */
  List<SourceEntry> search(DirectoryQuery query, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    String text = query.text().strip();
    SearchResults found = new SearchResults(limit);
    switch (query.by()) {
      case NAME -> {
        if (groupsStartingWith(text, found)) {
          users(byName(text), found);
        }
      }
      case GROUP -> membersOf(text, found);
      case FILTER ->
          byFilter(OktaExpression.translate("q", text, OktaExpression.Target.USER), found);
    }
    return found.entries();
  }

  private boolean groupsStartingWith(String text, SearchResults found) {
    String search =
        "(" + settings.groups().search() + ") and profile.name sw " + OktaExpression.literal(text);
    return Pages.forEach(
        session,
        "search groups",
        "GET /api/v1/groups",
        after ->
            session
                .groups()
                .listGroups(null, null, after, pageSize(found), null, search, null, null),
        g -> GroupCatalog.entryOf(g).map(e -> found.accept(e.toSource())).orElse(true));
  }

  /** The mapped login, display name, name and mail properties, each starting with the text. */
  private String byName(String text) {
    Set<String> properties = new LinkedHashSet<>(settings.mapping().login());
    NAME_FIELDS.forEach(
        f -> properties.addAll(settings.mapping().fields().getOrDefault(f, List.of())));
    String prefix = OktaExpression.literal(text);
    return properties.stream()
        .map(p -> "profile." + p + " sw " + prefix)
        .collect(Collectors.joining(" or "));
  }

  private void byFilter(OktaExpression filter, SearchResults found) {
    try {
      users(filter.search(), found);
    } catch (SourceDataException e) {
      Optional<String> refused = OktaFailures.badRequest(e);
      if (refused.isEmpty()) {
        throw e;
      }
      throw new InvalidSettingsException(
          "q",
          "Okta refused the filter "
              + filter.ldapFilter()
              + " (searched as "
              + filter.search()
              + "): "
              + refused.get());
    }
  }

  /** Users matching the expression, the users filter, and not DEPROVISIONED. */
  private void users(String expression, SearchResults found) {
    String scoped =
        settings.usersFilter().map(f -> "(" + f.search() + ") and ").orElse("")
            + "("
            + expression
            + ") and ("
            + UserScan.NOT_DEPROVISIONED
            + ")";
    Pages.forEach(
        session,
        "search users",
        "GET /api/v1/users",
        after ->
            session.users().listUsers(null, null, after, pageSize(found), null, scoped, null, null),
        user -> UserStatuses.deleted(user.getStatus()) || emit(user, found));
  }

  private void membersOf(String name, SearchResults found) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (GroupCatalog.Entry group : session.catalog().groups()) {
      if (group.name().toLowerCase(Locale.ROOT).equals(wanted) && !members(group, found)) {
        return;
      }
    }
  }

  /** Okta lists members without a search: with a users filter they are checked in batches. */
  private boolean members(GroupCatalog.Entry group, SearchResults found) {
    boolean filtered = settings.usersFilter().isPresent();
    List<String> batch = new ArrayList<>();
    UsersById byId = new UsersById(session, scan);
    Predicate<User> each =
        user -> {
          if (UserStatuses.deleted(user.getStatus()) || found.contains(user.getId())) {
            return true;
          }
          if (!filtered) {
            return emit(user, found);
          }
          batch.add(user.getId());
          if (batch.size() < UsersById.IDS_PER_SEARCH) {
            return true;
          }
          boolean goOn = byId.read(batch, this::groupsOf, found);
          batch.clear();
          return goOn;
        };
    boolean goOn =
        Pages.forEach(
            session,
            "search members of group " + group.name(),
            "GET /api/v1/groups/" + group.id() + "/users",
            after ->
                session
                    .groups()
                    .listGroupUsers(
                        group.id(), after, filtered ? settings.pageSize() : pageSize(found)),
            each);
    return goOn && (batch.isEmpty() || byId.read(batch, this::groupsOf, found));
  }

  private boolean emit(User user, SearchResults found) {
    return scan.emit(user, this::groupsOf, found);
  }

  /** The user's profile groups; the profile's groups are read on the first user found. */
  private Set<String> groupsOf(String userId) {
    if (groupIds == null) {
      groupIds = GroupIds.perUser(session, session.catalog());
    }
    return groupIds.of(userId);
  }

  /** No more than a page, nor than the entries still wanted. */
  private int pageSize(SearchResults found) {
    return Math.max(1, Math.min(settings.pageSize(), found.room()));
  }
}
