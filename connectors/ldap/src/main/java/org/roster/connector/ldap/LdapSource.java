package org.roster.connector.ldap;

import java.util.Collection;
import java.util.List;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.CountingSink;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.PasswordVerifier;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SearchableSource;
import org.roster.connector.api.Secret;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SyncToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Active Directory or OpenLDAP directory, read over one connection per run (opened on first
 * use). Groups are read first and kept: users are then given the ids of the groups they are direct
 * members of. Also reads changes ({@link UsnChangedStrategy}, {@link ModifyTimestampStrategy}),
 * searches ({@link DirectorySearch}) and checks passwords ({@link PasswordCheck}). Not thread-safe.
 * Entries reach a sink while their page is still being read: a sink must not call the source back
 * (that fails with an {@link IllegalStateException}).
 */
public final class LdapSource implements IncrementalSource, PasswordVerifier, SearchableSource {
  private static final Logger LOG = LoggerFactory.getLogger(LdapSource.class);

  private final Session session;
  private final ChangeStrategy changes;

  LdapSource(LdapSettings settings, SourceContext context) {
    this.session = new Session(settings, context);
    this.changes =
        settings.flavour() == Flavour.ACTIVE_DIRECTORY
            ? new UsnChangedStrategy(session)
            : new ModifyTimestampStrategy(session);
  }

  /**
   * Tests reach, TLS, bind, the base DNs and the mapping on one user entry, on a connection of its
   * own.
   *
   * @throws org.roster.connector.api.ConnectorException whose message starts with the failed step
   */
  @Override
  public void testConnection() {
    session.guarded(
        () -> {
          new ConnectionCheck(session).run();
          return null;
        });
  }

  /**
   * Streams every group (each with its direct parents among the profile's groups) or every user
   * (with its direct groups). A group read reads all groups before the first reaches the sink, and
   * keeps them for the user read that follows.
   */
  @Override
  public void readAll(EntryKind kind, EntrySink sink) {
    long started = System.nanoTime();
    String summary =
        session.guarded(() -> kind == EntryKind.GROUP ? readGroups(sink) : readUsers(sink));
    LOG.info(
        "Profile {}: read {} in {} ms",
        session.context().profileId(),
        summary,
        (System.nanoTime() - started) / 1_000_000);
  }

  private String readGroups(EntrySink sink) {
    GroupCatalog catalog = session.readCatalog();
    List<GroupCatalog.Group> groups = catalog.groups();
    for (int i = 0; i < groups.size(); i++) {
      GroupCatalog.Group g = groups.get(i);
      if (!sink.accept(new SourceGroup(g.externalId(), g.name(), g.dn(), catalog.parentIds(i)))) {
        return "groups (stopped by the sink)";
      }
    }
    for (RejectedEntry rejected : catalog.rejected()) {
      if (!sink.reject(rejected)) {
        break;
      }
    }
    return groups.size() + " groups, " + catalog.rejected().size() + " rejected";
  }

  private String readUsers(EntrySink sink) {
    CountingSink counting = new CountingSink(sink);
    new UserScan(session, session.catalog()).run(counting);
    return counting.accepted() + " users, " + counting.rejected() + " rejected";
  }

  /**
   * AD: the DC's highestCommittedUSN and invocationId and a DirSync cookie; OpenLDAP: the server's
   * contextCSN or this machine's clock. Either way the token's full run is now.
   */
  @Override
  public SyncToken currentToken() {
    return session.guarded(changes::currentToken);
  }

  /**
   * Reads what changed since the token (see {@link ChangeReader}); both kinds of one source return
   * the same token.
   *
   * @throws org.roster.connector.api.FullSyncRequiredException for a foreign or damaged token, a
   *     token of another DC, or one whose full run is older than {@code fullReconcileHours}
   */
  @Override
  public SyncToken readChanges(EntryKind kind, SyncToken since, ChangeSink sink) {
    long started = System.nanoTime();
    SyncToken next =
        session.guarded(() -> new ChangeReader(session, changes).read(kind, since, sink));
    LOG.info(
        "Profile {}: read {} changes in {} ms",
        session.context().profileId(),
        kind,
        (System.nanoTime() - started) / 1_000_000);
    return next;
  }

  /**
   * Reads these users again as they are now (with all their direct groups, as {@link #readAll}
   * does), by id: {@code entryUUID} (the mapping's id) or {@code objectGUID}, many ids to a filter,
   * ANDed with the users filter. Users gone or out of scope are not emitted. Uses the groups of the
   * run's group read, reading them when there was none.
   */
  @Override
  public void readUsers(Collection<String> externalIds, EntrySink sink) {
    long started = System.nanoTime();
    CountingSink counting = new CountingSink(sink);
    session.guarded(
        () -> new UserScan(session, session.catalogForLookups()).readByIds(externalIds, counting));
    LOG.info(
        "Profile {}: read {} of {} users again by id in {} ms",
        session.context().profileId(),
        counting.accepted(),
        externalIds.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** A bind as the user on a connection of its own; see {@link PasswordCheck}. */
  @Override
  public Verdict verifyPassword(String externalId, String location, String login, Secret password) {
    return session.guarded(() -> new PasswordCheck(session).verify(externalId, location, password));
  }

  /** By name, group or filter; see {@link DirectorySearch}. */
  @Override
  public List<SourceEntry> search(DirectoryQuery query, int limit) {
    return session.guarded(() -> new DirectorySearch(session).search(query, limit));
  }

  /** Closes the connection; safe to call twice. */
  @Override
  public void close() {
    session.close();
  }
}
