package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceUnavailableException;

/**
 * What one source keeps between calls of a run: the bound connection, opened on first use and
 * dropped after it failed, and the group catalog of the last group read. Not thread-safe.
 */
final class Session implements AutoCloseable {
  private final LdapSettings settings;
  private final SourceContext context;
  private final Connector connector;
  private final EntryMapper mapper;
  private LDAPConnection connection;
  private GroupCatalog catalog;
  private boolean closed;
  private boolean busy;

  Session(LdapSettings settings, SourceContext context) {
    this.settings = settings;
    this.context = context;
    this.connector = new Connector(settings, context.profileId());
    this.mapper = new EntryMapper(settings);
  }

  LdapSettings settings() {
    return settings;
  }

  SourceContext context() {
    return context;
  }

  Connector connector() {
    return connector;
  }

  EntryMapper mapper() {
    return mapper;
  }

  /**
   * The bound connection, opened when needed.
   *
   * @throws IllegalStateException while a search hands entries on as they arrive: a sink called the
   *     source back, which would read the search's own responses
   */
  LDAPConnection connection() {
    if (closed) {
      throw new IllegalStateException("source is closed");
    }
    if (busy) {
      throw new IllegalStateException(
          "the source is in the middle of a read: a sink must not call it back");
    }
    if (connection == null || !connection.isConnected()) {
      connection = connector.open();
    }
    return connection;
  }

  /** Reads the groups anew (the profile's membership setting) and keeps them for users. */
  GroupCatalog readCatalog() {
    catalog = null;
    catalog = new GroupScan(this, settings.membership()).run();
    return catalog;
  }

  /** The groups of the last group read, read now when there was none. */
  GroupCatalog catalog() {
    return catalog != null ? catalog : readCatalog();
  }

  /**
   * The groups for an incremental read or a search: where the directory keeps {@code memberOf} (AD,
   * or the profile reads memberOf) a cheap catalog of ids without member lists, else the full one.
   */
  GroupCatalog catalogForLookups() {
    if (catalog != null) {
      return catalog;
    }
    boolean memberOfKept =
        settings.flavour() == Flavour.ACTIVE_DIRECTORY
            || settings.membership() == MembershipAttribute.MEMBER_OF;
    if (memberOfKept && settings.scope().groupMembersFilter().isEmpty()) {
      catalog = new GroupScan(this, MembershipAttribute.MEMBER_OF).run();
      return catalog;
    }
    return readCatalog();
  }

  /** Marks the connection busy with a streamed search page ({@link PagedSearch}), or free. */
  void busy(boolean busy) {
    this.busy = busy;
  }

  /** Runs an operation; after an unavailable failure the connection is dropped, not reused. */
  <T> T guarded(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SourceUnavailableException e) {
      dropConnection();
      throw e;
    }
  }

  private void dropConnection() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    dropConnection();
    catalog = null;
  }
}
