package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.MalformedEntryException;

/**
 * Reads the profile's users page by page and hands each to a sink with the ids of the groups it is
 * a direct member of, resolved against a {@link GroupCatalog}; an entry that cannot be mapped is
 * rejected with its DN and the read goes on.
 */
final class UserScan {
  /** Lower case, as UnboundID keys an entry's attributes: the look-up needs no conversion. */
  private static final String MEMBER_OF =
      MembershipAttribute.MEMBER_OF.attribute().toLowerCase(Locale.ROOT);

  /** How many ids one filter of {@link #readByIds} ORs. */
  static final int IDS_PER_FILTER = 100;

  private final Session session;
  private final LdapSettings settings;
  private final EntryMapper mapper;
  private final GroupCatalog catalog;

  UserScan(Session session, GroupCatalog catalog) {
    this.session = session;
    this.settings = session.settings();
    this.mapper = session.mapper();
    this.catalog = catalog;
  }

  /** Streams every user in scope; false when the sink asked to stop. */
  boolean run(EntrySink sink) {
    Optional<Filter> filter = usersFilter();
    if (filter.isEmpty()) {
      return true;
    }
    PagedSearch search = new PagedSearch(session, settings.pageSize());
    for (DN base : settings.scope().userBases()) {
      boolean goOn =
          search.run(
              "read users",
              base,
              SearchScope.SUB,
              filter.get(),
              mapper.userAttributes(catalog.usersByMemberOf()),
              entry -> emit(entry, sink));
      if (!goOn) {
        return false;
      }
    }
    return true;
  }

  /**
   * Streams the users with these ids that are in scope now, each once, as {@link #run} does; ids
   * that find nothing (gone, out of scope, not an id of this directory) are skipped. The ids are
   * searched {@value #IDS_PER_FILTER} to a filter.
   *
   * @return false when the sink asked to stop
   */
  boolean readByIds(Collection<String> externalIds, EntrySink sink) {
    Optional<Filter> filter = usersFilter();
    if (filter.isEmpty() || externalIds.isEmpty()) {
      return true;
    }
    List<Filter> ids = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(externalIds)) {
      IdFilter.of(settings, id).ifPresent(ids::add);
    }
    Set<String> emitted = new HashSet<>();
    PagedSearch search = new PagedSearch(session, settings.pageSize());
    Set<String> attributes = mapper.userAttributes(catalog.usersByMemberOf());
    for (int from = 0; from < ids.size(); from += IDS_PER_FILTER) {
      List<Filter> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_FILTER));
      Filter anyId = chunk.size() == 1 ? chunk.get(0) : Filter.createORFilter(chunk);
      Filter byIds = Filters.and(filter.get(), anyId);
      for (DN base : settings.scope().userBases()) {
        boolean goOn =
            search.run(
                "read users by id",
                base,
                SearchScope.SUB,
                byIds,
                attributes,
                entry -> !emitted.add(DnKey.of(entry.getDN())) || emit(entry, sink));
        if (!goOn) {
          return false;
        }
      }
    }
    return true;
  }

  /** Maps one user entry and hands it on; false when the sink asked to stop. */
  boolean emit(Entry entry, EntrySink sink) {
    try {
      return sink.accept(mapper.user(entry, groupIds(entry)));
    } catch (MalformedEntryException e) {
      return sink.reject(mapper.rejection(EntryKind.USER, entry, e));
    }
  }

  /** True when users' groups come from their {@code memberOf} values (ask for them). */
  boolean catalogUsesMemberOf() {
    return catalog.usersByMemberOf();
  }

  /** The ids of the profile groups the user is a direct member of. */
  Set<String> groupIds(Entry entry) {
    if (catalog.usersByMemberOf()) {
      Attribute memberOf = entry.getAttribute(MEMBER_OF);
      return memberOf == null ? Set.of() : catalog.idsOfValues(memberOf.getRawValues());
    }
    return catalog.ids(catalog.userMembers().groupsOf(DnKey.of(entry.getDN())));
  }

  /**
   * The users filter; with {@code nestedGroupsInChain}, ANDed with "a nested member of one of the
   * profile's groups", empty when there is no group to be a member of.
   */
  Optional<Filter> usersFilter() {
    Filter users = settings.scope().users();
    if (!settings.nestedGroupsInChain()) {
      return Optional.of(users);
    }
    List<String> roots = ChainRoots.of(catalog);
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    List<Filter> chains =
        roots.stream()
            .map(dn -> Filter.createExtensibleMatchFilter("memberOf", Filters.IN_CHAIN, false, dn))
            .toList();
    Filter anyGroup = chains.size() == 1 ? chains.get(0) : Filter.createORFilter(chains);
    return Optional.of(Filters.and(users, anyGroup));
  }
}
