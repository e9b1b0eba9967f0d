package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SyncToken;

/**
 * Reads the changes of one kind since a token, the same way for both flavours (the {@link
 * ChangeStrategy} says what "changed" and "deleted" mean):
 *
 * <ul>
 *   <li>entries of the kind changed since the token;
 *   <li>entries whose membership changed, with all their groups: adding a member changes the
 *       group's entry, not the member's. Where the directory tells exactly who joined and who left
 *       (AD DirSync), those; else the current members of every changed group (who left is then seen
 *       only where leaving changes the member's entry: OpenLDAP's memberof overlay);
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
    checkReconcileDue(token);
    Filter changed = strategy.changedSince(token);
    GroupCatalog catalog = session.catalogForLookups();
    List<String> changedGroups = changedGroupDns(changed);
    Optional<Set<String>> exact = strategy.membershipChanges(token, catalog);
    boolean goOn =
        kind == EntryKind.GROUP
            ? groups(catalog, changedGroups, exact, sink)
            : users(catalog, changed, changedGroups, exact, sink);
    if (goOn) {
      strategy.readDeletions(kind, token, sink);
    }
    return strategy.next(token).toSyncToken();
  }

  private void checkReconcileDue(LdapToken token) {
    Duration period = settings.fullReconcile();
    Instant now = session.context().clock().instant();
    if (!period.isZero() && token.fullRun().plus(period).isBefore(now)) {
      throw new FullSyncRequiredException(
          "full reconcile due: the last full sync started at "
              + token.fullRun()
              + ", more than "
              + period.toHours()
              + " hours ago (fullReconcileHours)");
    }
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

  private boolean groups(
      GroupCatalog catalog, List<String> changedDns, Optional<Set<String>> exact, ChangeSink sink) {
    Set<Integer> emit = new LinkedHashSet<>();
    Set<String> changedIds = new HashSet<>();
    for (String dn : changedDns) {
      int p = catalog.positionOf(dn);
      if (p >= 0) {
        emit.add(p);
        changedIds.add(catalog.groups().get(p).externalId());
      }
    }
    if (exact.isPresent()) {
      for (String dn : exact.get()) {
        int p = catalog.positionOf(dn);
        if (p >= 0) {
          emit.add(p);
        }
      }
    } else {
      for (int i = 0; i < catalog.groups().size(); i++) {
        if (catalog.parentIds(i).stream().anyMatch(changedIds::contains)) {
          emit.add(i);
        }
      }
    }
    for (int p : emit) {
      GroupCatalog.Group g = catalog.groups().get(p);
      if (!sink.accept(new SourceGroup(g.externalId(), g.name(), g.dn(), catalog.parentIds(p)))) {
        return false;
      }
    }
    return true;
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
