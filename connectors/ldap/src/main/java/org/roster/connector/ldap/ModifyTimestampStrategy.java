package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SyncToken;

/**
 * OpenLDAP's changes by {@code modifyTimestamp} (the mapping's {@code changed} attribute): entries
 * whose timestamp is at or after the watermark less {@code overlapSeconds} are read again, which
 * covers the timestamps' one-second resolution and clock skew; reading an entry twice is harmless.
 * The watermark is the suffix's {@code contextCSN} where the server keeps one (syncprov), else this
 * machine's clock. Deletions are not visible this way: the periodic full reconcile ({@code
 * fullReconcileHours}) finds them. Nor is leaving a group: the memberof overlay does not change a
 * former member's {@code modifyTimestamp}, see {@link #membershipChanges}.
 */
final class ModifyTimestampStrategy implements ChangeStrategy {
  private static final DateTimeFormatter GENERALIZED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Session session;
  private Instant now;

  ModifyTimestampStrategy(Session session) {
    this.session = session;
  }

  @Override
  public SyncToken currentToken() {
    return new LdapToken(
            Flavour.OPENLDAP,
            LdapToken.NONE,
            GENERALIZED.format(watermark()),
            session.context().clock().instant(),
            LdapToken.NONE)
        .toSyncToken();
  }

  @Override
  public Filter changedSince(LdapToken since) {
    Instant from = parse(since.watermark()).minus(session.settings().overlap());
    return Filter.createGreaterOrEqualFilter(
        session.settings().mapping().changed(), GENERALIZED.format(from));
  }

  @Override
  public LdapToken next(LdapToken since) {
    return since.at(LdapToken.NONE, GENERALIZED.format(watermark()), LdapToken.NONE);
  }

  /** Nothing: OpenLDAP keeps no trace of deleted entries that a search could read. */
  @Override
  public boolean readDeletions(EntryKind kind, LdapToken since, ChangeSink sink) {
    return true;
  }

  /**
   * Not told exactly: the current members of changed groups are read. A member that left a group is
   * not seen here: the memberof overlay (OpenLDAP 2.5) updates the member's {@code memberOf}
   * without touching its {@code modifyTimestamp}. The group read reports each changed group's
   * complete members instead ({@link GroupMembers}), and the engine reads the leavers again by id.
   */
  @Override
  public Optional<Set<String>> membershipChanges(LdapToken since, GroupCatalog catalog) {
    return Optional.empty();
  }

  private static Instant parse(String watermark) {
    try {
      return GENERALIZED.parse(watermark, Instant::from);
    } catch (DateTimeParseException e) {
      throw new FullSyncRequiredException(
          "the sync token's timestamp is damaged; a full sync is needed");
    }
  }

  /** The server's newest change time (contextCSN), else now; truncated to the second. */
  private Instant watermark() {
    if (now == null) {
      now =
          contextCsn().orElse(session.context().clock().instant()).truncatedTo(ChronoUnit.SECONDS);
    }
    return now;
  }

  private Optional<Instant> contextCsn() {
    Entry root = RootDse.read(session.connection(), "read rootDSE", "namingContexts");
    Optional<DN> suffix = RootDse.namingContextOf(root, session.settings().scope().baseDn());
    if (suffix.isEmpty()) {
      return Optional.empty();
    }
    try {
      Entry entry = session.connection().getEntry(suffix.get().toString(), "contextCSN");
      String[] csns = entry == null ? null : entry.getAttributeValues("contextCSN");
      if (csns == null) {
        return Optional.empty();
      }
      Instant newest = null;
      for (String csn : csns) {
        Instant t = csnTime(csn);
        if (t != null && (newest == null || t.isAfter(newest))) {
          newest = t;
        }
      }
      return Optional.ofNullable(newest);
    } catch (LDAPException e) {
      throw LdapFailures.translate("read contextCSN", e);
    }
  }

  /** The time of a CSN ({@code 20240101120000.123456Z#000000#000#000000}). */
  static Instant csnTime(String csn) {
    if (csn.length() < 15) {
      return null;
    }
    try {
      return GENERALIZED.parse(csn.substring(0, 14) + "Z", Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
