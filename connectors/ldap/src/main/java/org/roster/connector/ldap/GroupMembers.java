package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;

/**
 * The complete direct user members in scope of changed groups, by id, for {@link
 * ChangeSink#members}: the engine reads again the members who left, since leaving a group does not
 * always change the member's entry (OpenLDAP's memberof overlay leaves {@code modifyTimestamp}
 * alone). Where users' groups are their {@code memberOf}, the users in scope with {@code
 * memberOf=<group>}; else the group's member values (as the catalog read them) under a user base
 * that are users in scope: up to {@value #READ_ONE_BY_ONE} are read one by one, more by one scan
 * of the users' ids.
 */
final class GroupMembers {
  static final int READ_ONE_BY_ONE = 100;

  private final Session session;
  private final LdapSettings settings;
  private final GroupCatalog catalog;

  GroupMembers(Session session, GroupCatalog catalog) {
    this.session = session;
    this.settings = session.settings();
    this.catalog = catalog;
  }

  /**
   * Reports the members of the groups at these positions.
   *
   * @return false when the sink asked to stop
   */
  boolean report(Set<Integer> positions, ChangeSink sink) {
    if (positions.isEmpty()) {
      return true;
    }
    Optional<Filter> users = new UserScan(session, catalog).usersFilter();
    Map<Integer, Set<String>> members = new LinkedHashMap<>();
    positions.forEach(p -> members.put(p, new LinkedHashSet<>()));
    if (users.isPresent()) {
      if (catalog.usersByMemberOf()) {
        byMemberOf(users.get(), members);
      } else {
        byMemberValues(users.get(), members);
      }
    }
    for (Map.Entry<Integer, Set<String>> e : members.entrySet()) {
      String groupId = catalog.groups().get(e.getKey()).externalId();
      if (!sink.members(groupId, Set.copyOf(e.getValue()))) {
        return false;
      }
    }
    return true;
  }

  private void byMemberOf(Filter users, Map<Integer, Set<String>> members) {
    PagedSearch search = new PagedSearch(session, settings.pageSize());
    List<String> id = List.of(settings.mapping().id());
    for (Map.Entry<Integer, Set<String>> e : members.entrySet()) {
      String dn = catalog.groups().get(e.getKey()).dn();
      Filter filter = Filters.and(users, Filter.createEqualityFilter("memberOf", dn));
      for (DN base : settings.scope().userBases()) {
        search.run(
            "read members of changed group " + dn,
            base,
            SearchScope.SUB,
            filter,
            id,
            entry -> {
              session.mapper().readableId(entry).ifPresent(e.getValue()::add);
              return true;
            });
      }
    }
  }

  private void byMemberValues(Filter users, Map<Integer, Set<String>> members) {
    Map<String, List<Integer>> groupsByMember = new HashMap<>();
    catalog
        .userMembers()
        .forEachListing(
            members.keySet(),
            (key, position) -> {
              if (underUserBase(key)) {
                groupsByMember.computeIfAbsent(key, k -> new ArrayList<>(1)).add(position);
              }
            });
    Map<String, String> ids =
        groupsByMember.size() <= READ_ONE_BY_ONE
            ? oneByOne(groupsByMember.keySet(), users)
            : byScan(groupsByMember.keySet(), users);
    ids.forEach(
        (key, id) -> groupsByMember.get(key).forEach(position -> members.get(position).add(id)));
  }

  /** Member key to id, each read by DN. */
  private Map<String, String> oneByOne(Set<String> keys, Filter users) {
    Map<String, String> ids = new HashMap<>();
    String[] id = {settings.mapping().id()};
    for (String key : keys) {
      try {
        SearchResult result = session.connection().search(key, SearchScope.BASE, users, id);
        for (Entry entry : result.getSearchEntries()) {
          session.mapper().readableId(entry).ifPresent(v -> ids.put(key, v));
        }
      } catch (LDAPException e) {
        if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
          throw LdapFailures.translate("read member " + key, e);
        }
      }
    }
    return ids;
  }

  /** Member key to id, from one scan of the users in scope. */
  private Map<String, String> byScan(Set<String> keys, Filter users) {
    Map<String, String> ids = new HashMap<>();
    PagedSearch search = new PagedSearch(session, settings.pageSize());
    for (DN base : settings.scope().userBases()) {
      search.run(
          "read user ids for changed groups' members",
          base,
          SearchScope.SUB,
          users,
          List.of(settings.mapping().id()),
          entry -> {
            String key = DnKey.of(entry.getDN());
            if (keys.contains(key)) {
              session.mapper().readableId(entry).ifPresent(v -> ids.put(key, v));
            }
            return true;
          });
    }
    return ids;
  }

  private boolean underUserBase(String dn) {
    if (!DN.isValidDN(dn)) {
      return false;
    }
    DN parsed = Scope.dn(dn, "member");
    return settings.scope().userBases().stream().anyMatch(b -> parsed.isDescendantOf(b, true));
  }

  /** Positions of the catalog's groups among these DNs. */
  static Set<Integer> positions(GroupCatalog catalog, List<String> dns) {
    Set<Integer> positions = new LinkedHashSet<>();
    for (String dn : dns) {
      int p = catalog.positionOf(dn);
      if (p >= 0) {
        positions.add(p);
      }
    }
    return positions;
  }
}
