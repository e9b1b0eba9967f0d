package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;

/**
 * The directory search behind selective import: by name (a substring of the login, the name or the
 * display name; the text is escaped), by group (the members of the groups of that name) or by an
 * RFC 4515 filter ANDed with the users filter. Users come with their group ids.
 */
final class DirectorySearch {
  private final Session session;
  private final LdapSettings settings;

  DirectorySearch(Session session) {
    this.session = session;
    this.settings = session.settings();
  }

  List<SourceEntry> search(DirectoryQuery query, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    Filter userFilter =
        query.by() == DirectoryQuery.By.FILTER ? Filters.parse(query.text(), "q") : null;
    GroupCatalog catalog = session.catalogForLookups();
    UserScan scan = new UserScan(session, catalog);
    Optional<Filter> users = scan.usersFilter();
    Collector found = new Collector(limit);
    switch (query.by()) {
      case NAME -> {
        groupsNamed(catalog, query.text(), false).forEach(p -> found.accept(group(catalog, p)));
        users.ifPresent(u -> searchUsers(scan, Filters.and(u, nameFilter(query.text())), found));
      }
      case GROUP -> users.ifPresent(u -> members(catalog, scan, u, query.text(), found));
      case FILTER -> users.ifPresent(u -> searchUsers(scan, Filters.and(u, userFilter), found));
    }
    return found.entries;
  }

  private static SourceGroup group(GroupCatalog catalog, int position) {
    GroupCatalog.Group g = catalog.groups().get(position);
    return new SourceGroup(g.externalId(), g.name(), g.dn(), catalog.parentIds(position));
  }

  /** Positions of groups whose name contains (or equals) the text, ignoring case. */
  private static List<Integer> groupsNamed(GroupCatalog catalog, String text, boolean exact) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < catalog.groups().size(); i++) {
      String name = catalog.groups().get(i).name().toLowerCase(java.util.Locale.ROOT);
      if (exact ? name.equals(t) : name.contains(t)) {
        positions.add(i);
      }
    }
    return positions;
  }

  private Filter nameFilter(String text) {
    Set<String> attributes = new LinkedHashSet<>();
    attributes.add(settings.mapping().login());
    attributes.add("cn");
    String display =
        settings.mapping().fields().get(org.roster.connector.api.UserFields.DISPLAY_NAME);
    if (display != null) {
      attributes.add(display);
    }
    String[] any = {text.strip()};
    List<Filter> parts =
        attributes.stream().map(a -> Filter.createSubstringFilter(a, null, any, null)).toList();
    return parts.size() == 1 ? parts.get(0) : Filter.createORFilter(parts);
  }

  private void searchUsers(UserScan scan, Filter filter, Collector found) {
    PagedSearch search = new PagedSearch(session, Math.min(settings.pageSize(), found.room() + 1));
    Set<String> attributes = session.mapper().userAttributes(scan.catalogUsesMemberOf());
    for (DN base : settings.scope().userBases()) {
      if (!search.run(
          "search users", base, SearchScope.SUB, filter, attributes, e -> scan.emit(e, found))) {
        return;
      }
    }
  }

  private void members(
      GroupCatalog catalog, UserScan scan, Filter users, String name, Collector found) {
    List<Integer> groups = groupsNamed(catalog, name, true);
    if (catalog.usersByMemberOf()) {
      for (int p : groups) {
        searchUsers(
            scan,
            Filters.and(
                users, Filter.createEqualityFilter("memberOf", catalog.groups().get(p).dn())),
            found);
      }
      return;
    }
    List<String> members = new ArrayList<>();
    catalog.userMembers().forEachMemberOf(new HashSet<>(groups), members::add);
    Set<String> attributes = session.mapper().userAttributes(false);
    for (String dn : members) {
      if (found.room() == 0) {
        return;
      }
      try {
        SearchResult result =
            session
                .connection()
                .search(dn, SearchScope.BASE, users, attributes.toArray(String[]::new));
        for (SearchResultEntry entry : result.getSearchEntries()) {
          scan.emit(entry, found);
        }
      } catch (LDAPException e) {
        if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
          throw LdapFailures.translate("search members of " + name, e);
        }
      }
    }
  }

  /** Keeps up to {@code limit} entries; rejected entries are left out of a search. */
  private static final class Collector implements EntrySink {
    private final int limit;
    private final List<SourceEntry> entries = new ArrayList<>();

    Collector(int limit) {
      this.limit = limit;
    }

    int room() {
      return limit - entries.size();
    }

    @Override
    public boolean accept(SourceEntry entry) {
      if (entries.size() < limit) {
        entries.add(entry);
      }
      return entries.size() < limit;
    }

    @Override
    public boolean reject(RejectedEntry rejected) {
      return entries.size() < limit;
    }
  }
}
