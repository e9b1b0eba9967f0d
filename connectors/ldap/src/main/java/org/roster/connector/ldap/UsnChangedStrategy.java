package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SyncToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AD's changes by {@code uSNChanged}, as Microsoft describes for polling: the token holds the DC's
 * {@code highestCommittedUSN} and its {@code invocationId}; USNs are per DC, so a token from
 * another DC (or a restored one, whose invocationId changes) asks for a full sync. Deletions are
 * the tombstones in the Deleted Objects container, read with the Show Deleted control. See <a
 * href="https://learn.microsoft.com/en-us/windows/win32/ad/polling-for-changes-using-usnchanged">
 * Polling for Changes Using the USNChanged Attribute</a>.
 */
final class UsnChangedStrategy implements ChangeStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(UsnChangedStrategy.class);

  /** LDAP_SERVER_SHOW_DELETED_OID. */
  static final String SHOW_DELETED = "1.2.840.113556.1.4.417";

  private final Session session;
  private final DirSyncMembership dirSync;
  private Watermark now;
  private String freshCookie;

  /** A DC's position: who it is and how far it has come. */
  record Watermark(String invocationId, long usn) {}

  UsnChangedStrategy(Session session) {
    this.session = session;
    this.dirSync = new DirSyncMembership(session);
  }

  /**
   * The DC's watermark and a DirSync cookie, the cookie taken first: DirSync then reports from a
   * little before the USN, never after it.
   */
  @Override
  public SyncToken currentToken() {
    String cookie = dirSync.currentCookie().orElse(LdapToken.NONE);
    Watermark w = watermark();
    return new LdapToken(
            Flavour.ACTIVE_DIRECTORY,
            w.invocationId(),
            Long.toString(w.usn()),
            session.context().clock().instant(),
            cookie)
        .toSyncToken();
  }

  @Override
  public Filter changedSince(LdapToken since) {
    if (now == null && since.extra().equals(LdapToken.NONE)) {
      freshCookie = dirSync.currentCookie().orElse(LdapToken.NONE);
    }
    Watermark w = watermark();
    if (!w.invocationId().equals(since.server())) {
      throw new FullSyncRequiredException(
          "the sync token is from another domain controller (invocationId "
              + since.server()
              + ", this one is "
              + w.invocationId()
              + "); USNs differ between DCs, a full sync is needed");
    }
    return Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(usn(since) + 1));
  }

  /**
   * The watermark taken before the first change was read, with the cookie where the DirSync pass
   * ended (or, when the old token had none, one taken just before the watermark).
   */
  @Override
  public LdapToken next(LdapToken since) {
    Watermark w = watermark();
    String cookie =
        since.extra().equals(LdapToken.NONE)
            ? (freshCookie == null ? LdapToken.NONE : freshCookie)
            : dirSync
                .since(since.extra())
                .map(DirSyncMembership.Changes::endCookie)
                .orElse(LdapToken.NONE);
    return since.at(w.invocationId(), Long.toString(w.usn()), cookie);
  }

  @Override
  public Optional<Set<String>> membershipChanges(LdapToken since, GroupCatalog catalog) {
    if (since.extra().equals(LdapToken.NONE)) {
      return Optional.empty();
    }
    return dirSync
        .since(since.extra())
        .map(
            changes -> {
              Set<String> members = new HashSet<>();
              for (Map.Entry<String, Set<String>> e : changes.membersByGroup().entrySet()) {
                if (catalog.positionOf(e.getKey()) >= 0) {
                  members.addAll(e.getValue());
                }
              }
              return members;
            });
  }

  @Override
  public boolean readDeletions(EntryKind kind, LdapToken since, ChangeSink sink) {
    LdapSettings settings = session.settings();
    if (!settings.mapping().binaryGuidId()) {
      LOG.debug(
          "Profile {}: ids are not objectGUIDs; deletions wait for a full sync",
          session.context().profileId());
      return true;
    }
    Filter kindFilter =
        kind == EntryKind.GROUP
            ? Filter.createEqualityFilter("objectClass", "group")
            : Filters.and(
                Filter.createEqualityFilter("objectClass", "user"),
                Filter.createNOTFilter(Filter.createEqualityFilter("objectClass", "computer")));
    Filter filter =
        Filters.and(
            Filter.createEqualityFilter("isDeleted", "TRUE"),
            Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(usn(since) + 1)),
            kindFilter);
    return new PagedSearch(session, settings.pageSize())
        .run(
            "read deleted " + (kind == EntryKind.GROUP ? "groups" : "users"),
            deletedObjects(),
            SearchScope.SUB,
            filter,
            List.of(ObjectGuid.ATTRIBUTE),
            entry -> {
              byte[] guid = entry.getAttributeValueBytes(ObjectGuid.ATTRIBUTE);
              return guid == null
                  || guid.length != 16
                  || sink.deleted(kind, ObjectGuid.render(guid));
            },
            new Control(SHOW_DELETED, true));
  }

  private static long usn(LdapToken token) {
    try {
      return Long.parseLong(token.watermark());
    } catch (NumberFormatException e) {
      throw new FullSyncRequiredException("the sync token's USN is damaged; a full sync is needed");
    }
  }

  /** The Deleted Objects container of the naming context that holds the base DN. */
  private DN deletedObjects() {
    Entry root =
        RootDse.read(
            session.connection(), "read rootDSE", "namingContexts", "defaultNamingContext");
    DN nc =
        RootDse.namingContextOf(root, session.settings().scope().baseDn())
            .orElseThrow(
                () ->
                    new SourceDataException(
                        "read deleted entries: no naming context of the server holds the base DN "
                            + session.settings().scope().baseDn()));
    return Scope.dn("CN=Deleted Objects," + nc, "baseDn");
  }

  private Watermark watermark() {
    if (now == null) {
      Entry root =
          RootDse.read(
              session.connection(), "read rootDSE", "highestCommittedUSN", "dsServiceName");
      String usn = root.getAttributeValue("highestCommittedUSN");
      String service = root.getAttributeValue("dsServiceName");
      if (usn == null || service == null) {
        throw new SourceDataException(
            "read rootDSE: no highestCommittedUSN/dsServiceName; is this an Active Directory DC?"
                + " Use flavour openldap otherwise");
      }
      now = new Watermark(invocationId(service), Long.parseLong(usn));
    }
    return now;
  }

  private String invocationId(String dsServiceName) {
    try {
      Entry dsa = session.connection().getEntry(dsServiceName, "invocationId");
      byte[] id = dsa == null ? null : dsa.getAttributeValueBytes("invocationId");
      if (id == null) {
        throw new SourceDataException(
            "read " + dsServiceName + ": the DC's invocationId cannot be read");
      }
      return ObjectGuid.render(id);
    } catch (LDAPException e) {
      throw LdapFailures.translate("read " + dsServiceName, e);
    }
  }
}
