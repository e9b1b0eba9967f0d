package org.roster.connector.okta;

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
import org.roster.connector.api.SyncToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Okta org, read through the Okta SDK with one client per run (built on first use). Groups are
 * read first and kept: users are then given the ids of the profile groups they are members of. Also
 * reads changes ({@link ChangeReader}), checks passwords ({@link PasswordCheck}) and searches for
 * selective import ({@link DirectorySearch}). Not thread-safe.
 */
public final class OktaSource implements IncrementalSource, PasswordVerifier, SearchableSource {
  private static final Logger LOG = LoggerFactory.getLogger(OktaSource.class);

  private final Session session;

  OktaSource(OktaSettings settings, SourceContext context) {
    this.session = new Session(settings, context);
  }

  /**
   * Tests the token, reading users, the mapping, reading groups and members.
   *
   * @throws org.roster.connector.api.ConnectorException whose message starts with the failed step
   */
  @Override
  public void testConnection() {
    new ConnectionCheck(session).run();
  }

  /**
   * Streams every profile group (Okta groups are flat: no parents) or every user but the
   * DEPROVISIONED (with its profile groups; every group's members are read first). The groups are
   * read once and kept for the user read that follows.
   */
  @Override
  public void readAll(EntryKind kind, EntrySink sink) {
    long started = System.nanoTime();
    String summary = kind == EntryKind.GROUP ? readGroups(sink) : readUsers(sink);
    LOG.info(
        "Profile {}: read {} in {} ms",
        session.context().profileId(),
        summary,
        (System.nanoTime() - started) / 1_000_000);
  }

  private String readGroups(EntrySink sink) {
    GroupCatalog catalog = session.catalog();
    for (GroupCatalog.Entry g : catalog.groups()) {
      if (!sink.accept(g.toSource())) {
        return "groups (stopped by the sink)";
      }
    }
    for (RejectedEntry rejected : catalog.rejected()) {
      if (!sink.reject(rejected)) {
        break;
      }
    }
    return catalog.size() + " groups, " + catalog.rejected().size() + " rejected";
  }

  private String readUsers(EntrySink sink) {
    CountingSink counting = new CountingSink(sink);
    new UserScan(session).all(counting);
    return counting.accepted() + " users, " + counting.rejected() + " rejected";
  }

  /** The run's start and the profile's current groups; the token's full run is now. */
  @Override
  public SyncToken currentToken() {
    return new ChangeReader(session).currentToken();
  }

  /**
   * Reads what changed since the token (see {@link ChangeReader}); both kinds of one source return
   * the same token.
   *
   * @throws org.roster.connector.api.FullSyncRequiredException for a foreign or damaged token, a
   *     token of another scope, or one whose full run is older than {@code fullReconcileHours}
   */
  @Override
  public SyncToken readChanges(EntryKind kind, SyncToken since, ChangeSink sink) {
    long started = System.nanoTime();
    SyncToken next = new ChangeReader(session).read(kind, since, sink);
    LOG.info(
        "Profile {}: read {} changes in {} ms",
        session.context().profileId(),
        kind,
        (System.nanoTime() - started) / 1_000_000);
    return next;
  }

  /**
   * Reads these users again as they are now, with their profile groups; users gone, DEPROVISIONED
   * or out of the users filter are not emitted (see {@link UsersById}).
   */
  @Override
  public void readUsers(Collection<String> externalIds, EntrySink sink) {
    UserScan scan = new UserScan(session);
    GroupIds groupIds = new GroupIds(session, session.catalog());
    new UsersById(session, scan).read(List.copyOf(externalIds), groupIds::of, sink);
  }

  /**
   * Searches with Okta's search expressions, within the profile's groups and users filter (see
   * {@link DirectorySearch}): by name a prefix of a group's name or of a user's login, display
   * name, given name, family name or mail, ignoring case; by group the members of the groups of
   * that name; by filter an RFC 4515 filter over user properties, translated as {@code usersFilter}
   * is and ANDed with it. Users come with their profile groups, mapped as a full read maps them.
   *
   * @throws org.roster.connector.api.InvalidSettingsException (field {@code q}) for a filter that
   *     is not RFC 4515, has no Okta equivalent, or that Okta refuses
   */
  @Override
  public List<SourceEntry> search(DirectoryQuery query, int limit) {
    long started = System.nanoTime();
    List<SourceEntry> found = new DirectorySearch(session).search(query, limit);
    LOG.debug(
        "Profile {}: search by {} found {} entries in {} ms",
        session.context().profileId(),
        query.by(),
        found.size(),
        (System.nanoTime() - started) / 1_000_000);
    return found;
  }

  /** Okta's authentication API; see {@link PasswordCheck}. */
  @Override
  public Verdict verifyPassword(String externalId, String location, String login, Secret password) {
    return new PasswordCheck(session).verify(externalId, login, password);
  }

  /** Closes the HTTP client; safe to call twice. */
  @Override
  public void close() {
    session.close();
  }
}
