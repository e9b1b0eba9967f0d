package org.roster.connector.azure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.CountingSink;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SearchableSource;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SyncToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Entra ID tenant read through Microsoft Graph, with one app-only token per run (fetched on
 * first use, renewed when it expires). Groups are read first with their members and kept: users are
 * then given the ids of the profile's groups that list them. Also reads changes with delta queries
 * ({@link ChangeReader}), users again by id ({@link UserLookup}), and searches for selective import
 * ({@link DirectorySearch}). Not thread-safe; entries reach a sink while their page is being read.
 */
public final class AzureSource implements IncrementalSource, SearchableSource {
  private static final Logger LOG = LoggerFactory.getLogger(AzureSource.class);

  private final Session session;
  private final ChangeReader changes;

  AzureSource(Session session) {
    this.session = session;
    this.changes = new ChangeReader(session);
  }

  /**
   * Tests the token, reading users, the mapping, reading groups and their members; see {@link
   * ConnectionCheck}.
   *
   * @throws org.roster.connector.api.ConnectorException whose message starts with the failed step
   */
  @Override
  public void testConnection() {
    new ConnectionCheck(session).run();
  }

  /**
   * Streams every group of the profile (with the profile's groups it is a member of) or every user
   * (with the profile's groups that list it). A group read reads all the groups' members before the
   * first group reaches the sink, and keeps them for the user read that follows.
   */
  @Override
  public void readAll(EntryKind kind, EntrySink sink) {
    long started = System.nanoTime();
    CountingSink counting = new CountingSink(sink);
    if (kind == EntryKind.GROUP) {
      readGroups(counting);
    } else {
      new UserScan(session).run(session.catalog(), counting);
    }
    LOG.info(
        "Profile {}: read {} {}, {} rejected, in {} ms",
        session.context().profileId(),
        counting.accepted(),
        kind == EntryKind.GROUP ? "groups" : "users",
        counting.rejected(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private void readGroups(EntrySink sink) {
    GroupCatalog catalog = session.catalog();
    for (int i = 0; i < catalog.size(); i++) {
      String id = catalog.id(i);
      if (!sink.accept(
          new SourceGroup(id, catalog.name(i), GroupListing.location(id), catalog.parentsOf(i)))) {
        return;
      }
    }
    for (RejectedEntry rejected : catalog.listing().rejected()) {
      if (!sink.reject(rejected)) {
        return;
      }
    }
  }

  /** Delta links of users and groups as of now ({@code $deltatoken=latest}). */
  @Override
  public SyncToken currentToken() {
    return changes.currentToken();
  }

  /**
   * Reads what changed since the token; see the package documentation. The user read of a token
   * returns the token to save: it carries the groups' delta link of the group read before it.
   *
   * @throws org.roster.connector.api.FullSyncRequiredException for a token of another connector or
   *     Graph endpoint, an expired delta link, or a change of group nesting that moves users
   */
  @Override
  public SyncToken readChanges(EntryKind kind, SyncToken since, ChangeSink sink) {
    long started = System.nanoTime();
    SyncToken next =
        kind == EntryKind.GROUP ? changes.readGroups(since, sink) : changes.readUsers(since, sink);
    LOG.info(
        "Profile {}: read {} changes in {} ms",
        session.context().profileId(),
        kind,
        (System.nanoTime() - started) / 1_000_000);
    return next;
  }

  /**
   * Reads these users again as they are now, with their groups ({@code memberOf}); users deleted or
   * out of the users filter are not emitted.
   */
  @Override
  public void readUsers(Collection<String> externalIds, EntrySink sink) {
    new UserLookup(session).read(externalIds, sink, Optional.empty());
  }

  /**
   * Searches by name prefix, by group name or by an RFC 4515 filter over Graph user properties,
   * with Graph's {@code $filter}; see {@link DirectorySearch}.
   */
  @Override
  public List<SourceEntry> search(DirectoryQuery query, int limit) {
    long started = System.nanoTime();
    List<SourceEntry> found = new DirectorySearch(session).search(query, limit);
    LOG.info(
        "Profile {}: search by {} found {} entries in {} ms",
        session.context().profileId(),
        query.by(),
        found.size(),
        (System.nanoTime() - started) / 1_000_000);
    return found;
  }

  /** Forgets the run's clients and groups; safe to call twice. */
  @Override
  public void close() {
    session.close();
  }
}
