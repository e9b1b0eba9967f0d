package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;

/**
 * The user part of an incremental read: users changed since the token, then users whose membership
 * changed, each emitted once with all its direct groups.
 */
final class UserChanges {
  private final Session session;
  private final LdapSettings settings;
  private final GroupCatalog catalog;
  private final ChangeSink sink;
  private final UserScan scan;
  private final Set<String> attributes;
  private final Set<String> emitted = new HashSet<>();
  private Filter users;

  UserChanges(Session session, GroupCatalog catalog, ChangeSink sink) {
    this.session = session;
    this.settings = session.settings();
    this.catalog = catalog;
    this.sink = sink;
    this.scan = new UserScan(session, catalog);
    this.attributes = session.mapper().userAttributes(catalog.usersByMemberOf());
  }

  /**
   * Emits the changed users and the members whose groups changed: exactly those the directory names
   * ({@code exact}), else the current members of the changed groups.
   *
   * @return false when the sink asked to stop
   */
  boolean read(Filter changed, List<String> changedGroups, Optional<Set<String>> exact) {
    Optional<Filter> inScope = scan.usersFilter();
    if (inScope.isEmpty()) {
      return true;
    }
    users = inScope.get();
    if (!search("read changed users", Filters.and(users, changed))) {
      return false;
    }
    if (exact.isPresent()) {
      return readByDn(exact.get());
    }
    if (catalog.usersByMemberOf()) {
      for (String group : changedGroups) {
        Filter members = Filters.and(users, Filter.createEqualityFilter("memberOf", group));
        if (!search("read members of changed group " + group, members)) {
          return false;
        }
      }
      return true;
    }
    Set<Integer> positions = new HashSet<>();
    changedGroups.forEach(dn -> positions.add(catalog.positionOf(dn)));
    List<String> members = new ArrayList<>();
    catalog.userMembers().forEachMemberOf(positions, members::add);
    return readByDn(members);
  }

  private boolean search(String step, Filter filter) {
    PagedSearch search = new PagedSearch(session, settings.pageSize());
    for (DN base : settings.scope().userBases()) {
      boolean goOn =
          search.run(
              step,
              base,
              SearchScope.SUB,
              filter,
              attributes,
              entry -> !emitted.add(DnKey.of(entry.getDN())) || scan.emit(entry, sink));
      if (!goOn) {
        return false;
      }
    }
    return true;
  }

  private boolean readByDn(Iterable<String> dns) {
    for (String dn : dns) {
      if (!readByDn(dn)) {
        return false;
      }
    }
    return true;
  }

  /** Reads one user by DN, if it is in scope and not yet emitted, and emits it. */
  private boolean readByDn(String dn) {
    String key = DnKey.of(dn);
    if (emitted.contains(key) || !underUserBase(dn)) {
      return true;
    }
    emitted.add(key);
    try {
      SearchResult result =
          session
              .connection()
              .search(dn, SearchScope.BASE, users, attributes.toArray(String[]::new));
      for (Entry entry : result.getSearchEntries()) {
        if (!scan.emit(entry, sink)) {
          return false;
        }
      }
      return true;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return true;
      }
      throw LdapFailures.translate("read member " + dn, e);
    }
  }

  private boolean underUserBase(String dn) {
    if (!DN.isValidDN(dn)) {
      return false;
    }
    DN parsed = Scope.dn(dn, "member");
    return settings.scope().userBases().stream().anyMatch(b -> parsed.isDescendantOf(b, true));
  }
}
