package org.roster.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.MalformedEntryException;

/**
 * Reads every group of the profile into a {@link GroupCatalog}: ids, names and, when groups list
 * their members, every member value (in bounded ranges on AD, the windows after the first read once
 * the groups are). With a group-members filter, each group's users are then searched with it. The
 * whole catalog is read whatever a sink wants, so that users always resolve against all groups.
 */
final class GroupScan {
  /** The optional UID suffix of a {@code uniqueMember} value (RFC 4517 NameAndOptionalUID). */
  private static final Pattern UID_SUFFIX = Pattern.compile("#'[01]*'B$");

  private final Session session;
  private final LdapSettings settings;
  private final EntryMapper mapper;
  private final MembershipAttribute membership;

  /**
   * @param membership where to read membership: the profile's setting for a full read, {@code
   *     memberOf} for a cheaper catalog where the directory maintains it
   */
  GroupScan(Session session, MembershipAttribute membership) {
    this.session = session;
    this.settings = session.settings();
    this.mapper = session.mapper();
    this.membership = membership;
  }

  GroupCatalog run() {
    Scope scope = settings.scope();
    GroupCatalog catalog = new GroupCatalog(membership, scope.groupMembersFilter().isPresent());
    PagedSearch search = new PagedSearch(session, settings.pageSize());
    List<MoreMembers> more = new ArrayList<>();
    for (DN base : scope.groupBases()) {
      search.run(
          "read groups",
          base,
          SearchScope.SUB,
          scope.groupsFilter(),
          attributes(),
          entry -> {
            take(entry, catalog, more);
            return true;
          });
      // Further windows of member lists are read once the search is over: its entries arrive
      // while the connection is busy.
      for (MoreMembers m : more) {
        RangedValues.fromWindow(
            session.connection(),
            m.dn(),
            membership.attribute(),
            m.low(),
            "read members of " + m.dn(),
            members(catalog, m.position()));
      }
      more.clear();
    }
    scope.groupMembersFilter().ifPresent(filter -> searchMembers(filter, catalog, search));
    return catalog;
  }

  /** A group whose member list goes on from window {@code low}. */
  private record MoreMembers(String dn, int position, int low) {}

  private void take(SearchResultEntry entry, GroupCatalog catalog, List<MoreMembers> more) {
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
    RangedValues.inEntry(entry, membership.attribute(), members(catalog, position))
        .ifPresent(low -> more.add(new MoreMembers(entry.getDN(), position, low)));
  }

  /** Takes member values of the group at {@code position}. */
  private static Consumer<ASN1OctetString> members(GroupCatalog catalog, int position) {
    MembershipIndex index = catalog.memberLists();
    return value -> index.add(memberKey(value), position);
  }

  /**
   * The {@link DnKey} of a member value as UTF-8: the value's own bytes when they are one already
   * (the common case), else those of its DN's key.
   */
  static byte[] memberKey(ASN1OctetString value) {
    byte[] bytes = value.getValue();
    if (DnKey.isKey(bytes)) {
      return bytes;
    }
    return DnKey.of(memberDn(value.stringValue())).getBytes(StandardCharsets.UTF_8);
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
    if (!value.endsWith("'B")) {
      return value;
    }
    return UID_SUFFIX.matcher(value).replaceFirst("");
  }
}
