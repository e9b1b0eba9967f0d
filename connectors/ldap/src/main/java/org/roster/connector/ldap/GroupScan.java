package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.MalformedEntryException;

/**
 * Reads every group of the profile into a {@link GroupCatalog}: ids, names and, when groups list
 * their members, every member value (in bounded ranges on AD). With a group-members filter, each
 * group's users are then searched with it. The whole catalog is read whatever a sink wants, so that
 * users always resolve against all groups.
 */
final class GroupScan {
  /** The optional UID suffix of a {@code uniqueMember} value (RFC 4517 NameAndOptionalUID). */
  private static final Pattern UID_SUFFIX = Pattern.compile("#'[01]*'B$");

  private final LDAPConnection connection;
  private final LdapSettings settings;
  private final EntryMapper mapper;
  private final MembershipAttribute membership;

  /**
   * @param membership where to read membership: the profile's setting for a full read, {@code
   *     memberOf} for a cheaper catalog where the directory maintains it
   */
  GroupScan(
      LDAPConnection connection,
      LdapSettings settings,
      EntryMapper mapper,
      MembershipAttribute membership) {
    this.connection = connection;
    this.settings = settings;
    this.mapper = mapper;
    this.membership = membership;
  }

  GroupCatalog run() {
    Scope scope = settings.scope();
    GroupCatalog catalog = new GroupCatalog(membership, scope.groupMembersFilter().isPresent());
    PagedSearch search = new PagedSearch(connection, settings.pageSize());
    for (DN base : scope.groupBases()) {
      search.run(
          "read groups",
          base,
          SearchScope.SUB,
          scope.groupsFilter(),
          attributes(),
          entry -> {
            take(entry, catalog);
            return true;
          });
    }
    scope.groupMembersFilter().ifPresent(filter -> searchMembers(filter, catalog, search));
    return catalog;
  }

  private void take(SearchResultEntry entry, GroupCatalog catalog) {
    String id;
    String name;
    try {
      id = mapper.externalId(entry);
      name = mapper.groupName(entry);
    } catch (MalformedEntryException e) {
      catalog.reject(mapper.rejection(EntryKind.GROUP, entry, e));
      return;
    }
    if (!membership.onGroups()) {
      String[] memberOf = entry.getAttributeValues(membership.attribute());
      catalog.add(entry.getDN(), id, name, memberOf == null ? List.of() : Arrays.asList(memberOf));
      return;
    }
    int position = catalog.add(entry.getDN(), id, name, null);
    RangedValues.forEach(
        connection,
        entry,
        membership.attribute(),
        "read members of " + entry.getDN(),
        value -> catalog.memberLists().add(DnKey.of(memberDn(value)), position));
  }

  private void searchMembers(GroupMembersFilter filter, GroupCatalog catalog, PagedSearch search) {
    List<GroupCatalog.Group> groups = catalog.groups();
    for (int i = 0; i < groups.size(); i++) {
      int position = i;
      GroupCatalog.Group group = groups.get(i);
      for (DN base : settings.scope().userBases()) {
        search.run(
            "read members of " + group.dn() + " with groupMembersFilter",
            base,
            SearchScope.SUB,
            filter.forGroup(group.dn()),
            List.of(SearchRequest.NO_ATTRIBUTES),
            entry -> {
              catalog.userMembers().add(DnKey.of(entry.getDN()), position);
              return true;
            });
      }
    }
  }

  private Set<String> attributes() {
    AttributeMapping mapping = settings.mapping();
    Set<String> attributes = new LinkedHashSet<>(List.of(mapping.id(), mapping.groupName()));
    if (membership.onGroups() && settings.flavour() == Flavour.ACTIVE_DIRECTORY) {
      attributes.add(RangedValues.firstWindow(membership.attribute()));
    } else {
      attributes.add(membership.attribute());
    }
    return attributes;
  }

  /** A member value as a DN: a {@code uniqueMember}'s UID suffix removed. */
  static String memberDn(String value) {
    return UID_SUFFIX.matcher(value).replaceFirst("");
  }
}
