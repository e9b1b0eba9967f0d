package org.roster.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.experimental.ActiveDirectoryDirSyncControl;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.SourceDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership changes from AD's DirSync control with incremental values: a changed group comes back
 * with only the member values added ({@code member;range=1-1}) and removed ({@code
 * member;range=0-0}) since the cookie. That is the one way to learn who LEFT a group: AD changes
 * the group's uSNChanged, not the member's, and the member's memberOf is a back link without a USN.
 * The object-security flag lets any account use it (no "Replicating Directory Changes" right). A
 * cookie for "now" comes from a pass whose filter matches nothing. See <a
 * href="https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-adts/2213a7f2-0a36-483c-b2a4-8574d53aa1e3">
 * LDAP_SERVER_DIRSYNC_OID</a>.
 */
final class DirSyncMembership {
  private static final Logger LOG = LoggerFactory.getLogger(DirSyncMembership.class);

  private static final int FLAGS =
      ActiveDirectoryDirSyncControl.FLAG_INCREMENTAL_VALUES
          | ActiveDirectoryDirSyncControl.FLAG_OBJECT_SECURITY;
  private static final String MEMBER = "member";

  /** What a DirSync pass found: changed member DNs per group DN key, and where it ended. */
  record Changes(java.util.Map<String, Set<String>> membersByGroup, String endCookie) {}

  private final Session session;
  private Changes read;

  DirSyncMembership(Session session) {
    this.session = session;
  }

  /** A cookie for now, base64; empty when the DC does not offer DirSync to this account. */
  Optional<String> currentCookie() {
    Filter nothing =
        Filter.createANDFilter(
            Filter.createEqualityFilter("objectClass", "group"),
            Filter.createEqualityFilter("cn", "roster-dirsync-matches-nothing-" + Long.MAX_VALUE));
    return pass(null, nothing).map(Changes::endCookie);
  }

  /**
   * The member changes since the cookie, read once per source.
   *
   * @return empty when the DC refuses the cookie or DirSync
   */
  Optional<Changes> since(String cookie) {
    if (read == null) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(cookie);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      Optional<Changes> changes = pass(bytes, Filter.createEqualityFilter("objectClass", "group"));
      if (changes.isEmpty()) {
        return Optional.empty();
      }
      read = changes.get();
    }
    return Optional.of(read);
  }

  private Optional<Changes> pass(byte[] cookie, Filter filter) {
    DN root = namingContext();
    java.util.Map<String, Set<String>> members = new java.util.HashMap<>();
    ASN1OctetString next = cookie == null ? null : new ASN1OctetString(cookie);
    boolean more = true;
    while (more) {
      SearchRequest request = new SearchRequest(root.toString(), SearchScope.SUB, filter, MEMBER);
      request.addControl(new ActiveDirectoryDirSyncControl(true, FLAGS, 0, next));
      SearchResult result;
      try {
        result = session.connection().search(request);
      } catch (LDAPException e) {
        if (refused(e.getResultCode())) {
          LOG.warn(
              "Profile {}: DirSync is not available ({}); members removed from groups are found"
                  + " by the next full sync",
              session.context().profileId(),
              LdapFailures.describe(e));
          return Optional.empty();
        }
        throw LdapFailures.translate("read membership changes (DirSync)", e);
      }
      for (SearchResultEntry entry : result.getSearchEntries()) {
        collect(entry, members);
      }
      ActiveDirectoryDirSyncControl response;
      try {
        response = ActiveDirectoryDirSyncControl.get(result);
      } catch (LDAPException e) {
        throw new SourceDataException("read membership changes (DirSync): bad response control", e);
      }
      if (response == null) {
        return Optional.empty();
      }
      next = response.getCookie();
      more = response.getFlags() != 0;
    }
    return Optional.of(new Changes(members, Base64.getEncoder().encodeToString(next.getValue())));
  }

  private static void collect(Entry entry, java.util.Map<String, Set<String>> members) {
    Set<String> changed = new HashSet<>();
    for (Attribute a : entry.getAttributes()) {
      String name = a.getName().toLowerCase(Locale.ROOT);
      if (name.equals(MEMBER) || name.startsWith(MEMBER + ";")) {
        changed.addAll(java.util.List.of(a.getValues()));
      }
    }
    if (!changed.isEmpty()) {
      members.computeIfAbsent(DnKey.of(entry.getDN()), k -> new HashSet<>()).addAll(changed);
    }
  }

  private static boolean refused(ResultCode code) {
    return code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS
        || code == ResultCode.UNAVAILABLE_CRITICAL_EXTENSION
        || code == ResultCode.UNWILLING_TO_PERFORM
        || code == ResultCode.PROTOCOL_ERROR
        || code == ResultCode.OPERATIONS_ERROR;
  }

  private DN namingContext() {
    Entry root = RootDse.read(session.connection(), "read rootDSE", "namingContexts");
    return RootDse.namingContextOf(root, session.settings().scope().baseDn())
        .orElseThrow(
            () ->
                new SourceDataException(
                    "read rootDSE: no naming context holds the base DN "
                        + session.settings().scope().baseDn()));
  }
}
