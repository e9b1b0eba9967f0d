package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullReconcile;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SyncToken;

/**
 * Reads the changes of one kind since a token, the same way for both flavours (the {@link
 * ChangeStrategy} says what "changed" and "deleted" mean):
 *
 * <ul>
 *   <li>groups: every group of the profile (the catalog is read whole anyway; a group taken out of
 *       its parent is not itself changed), and for each changed group its complete direct user
 *       members in scope ({@link ChangeSink#members}, see {@link GroupMembers}), from which the
 *       engine finds the members who left and reads them again ({@code readUsers});
 *   <li>entries of the kind changed since the token;
 *   <li>entries whose membership changed, with all their groups: adding a member changes the
 *       group's entry, not the member's. Where the directory tells exactly who joined and who left
 *       (AD DirSync), those; else the current members of every changed group (who left is found
 *       by the engine from the groups' reported members);
 *   <li>deletions, where the directory keeps them (AD's Deleted Objects).
 * </ul>
 *
 * A token whose full run is older than {@code fullReconcileHours} asks for a full sync instead.
 */
final class ChangeReader {
  private final Session session;
  private final ChangeStrategy strategy;
  private final LdapSettings settings;

  ChangeReader(Session session, ChangeStrategy strategy) {
    this.session = session;
    this.strategy = strategy;
    this.settings = session.settings();
  }

  SyncToken read(EntryKind kind, SyncToken since, ChangeSink sink) {
    LdapToken token = LdapToken.parse(since, settings.flavour());
    FullReconcile.requireNotDue(token.fullRun(), settings.fullReconcile(),
        session.context().clock().instant());
    Filter changed = strategy.changedSince(token);
    GroupCatalog catalog = session.catalogForLookups();
    List<String> changedGroups = changedGroupDns(changed);
    boolean goOn =
        kind == EntryKind.GROUP
            ? groups(catalog, changedGroups, sink)
            : users(
                catalog,
                changed,
                changedGroups,
                strategy.membershipChanges(token, catalog),
                sink);
    if (goOn) {
      strategy.readDeletions(kind, token, sink);
    }
    return strategy.next(token).toSyncToken();
  }

  private List<String> changedGroupDns(Filter changed) {
    List<String> dns = new ArrayList<>();
    PagedSearch search = new PagedSearch(session, settings.pageSize());
    Filter filter = Filters.and(settings.scope().groupsFilter(), changed);
    for (DN base : settings.scope().groupBases()) {
      search.run(
          "read changed groups",
          base,
          SearchScope.SUB,
          filter,
          List.of(SearchRequest.NO_ATTRIBUTES),
          entry -> dns.add(entry.getDN()));
    }
    return dns;
  }

  /**
   * Every group the catalog holds (the catalog is read whole anyway, and a group taken out of its
   * parent is not itself changed: only emitting all carries such nesting changes), then the
   * complete direct user members of the changed groups.
   */
  private boolean groups(GroupCatalog catalog, List<String> changedDns, ChangeSink sink) {
    for (int p = 0; p < catalog.groups().size(); p++) {
      GroupCatalog.Group g = catalog.groups().get(p);
      if (!sink.accept(new SourceGroup(g.externalId(), g.name(), g.dn(), catalog.parentIds(p)))) {
        return false;
      }
    }
    return new GroupMembers(session, catalog)
        .report(GroupMembers.positions(catalog, changedDns), sink);
  }

  private boolean users(
      GroupCatalog catalog,
      Filter changed,
      List<String> changedGroups,
      Optional<Set<String>> exact,
      ChangeSink sink) {
    return new UserChanges(session, catalog, sink).read(changed, changedGroups, exact);
  }
}
