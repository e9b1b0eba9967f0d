package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.SourceDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a connection test, each failing with a message that starts with its name: {@code
 * reach}, {@code tls}, {@code bind}, {@code base DN}, {@code read} and {@code mapping} (a required
 * attribute missing from the entry read).
 */
final class ConnectionCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);

  private final Session session;

  ConnectionCheck(Session session) {
    this.session = session;
  }

  void run() {
    LdapSettings settings = session.settings();
    try (LDAPConnection connection = session.connector().connect()) {
      session.connector().bind(connection);
      Set<DN> bases = new LinkedHashSet<>();
      bases.add(settings.scope().baseDn());
      bases.addAll(settings.scope().allBases());
      for (DN base : bases) {
        checkBase(connection, base);
      }
      Optional<SearchResultEntry> user =
          first(connection, settings.scope().userBases(), settings.scope().users());
      if (user.isEmpty()) {
        LOG.info(
            "Profile {}: connection test found no user under {} matching {}",
            session.context().profileId(),
            settings.scope().userBases(),
            settings.scope().users());
        return;
      }
      checkMapping(user.get());
    }
  }

  private static void checkBase(LDAPConnection connection, DN base) {
    try {
      if (connection.getEntry(base.toString(), SearchRequest.NO_ATTRIBUTES) == null) {
        throw new SourceDataException(
            "base DN: '" + base + "' does not exist or the bind account cannot see it");
      }
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        throw new SourceDataException("base DN: '" + base + "' does not exist", e);
      }
      throw LdapFailures.translate("base DN", e);
    }
  }

  private Optional<SearchResultEntry> first(
      LDAPConnection connection, List<DN> bases, com.unboundid.ldap.sdk.Filter filter) {
    Set<String> attributes = session.mapper().userAttributes(false);
    for (DN base : bases) {
      SearchRequest request =
          new SearchRequest(
              base.toString(), SearchScope.SUB, filter, attributes.toArray(String[]::new));
      request.setSizeLimit(1);
      List<SearchResultEntry> found;
      try {
        found = connection.search(request).getSearchEntries();
      } catch (LDAPSearchException e) {
        if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
          throw LdapFailures.translate("read", e);
        }
        found = e.getSearchEntries();
      }
      if (!found.isEmpty()) {
        return Optional.of(found.get(0));
      }
    }
    return Optional.empty();
  }

  private void checkMapping(SearchResultEntry entry) {
    AttributeMapping mapping = session.settings().mapping();
    requirePresent(entry, mapping.id(), "id");
    requirePresent(entry, mapping.login(), "login");
    try {
      session.mapper().externalId(entry);
    } catch (MalformedEntryException e) {
      throw new SourceDataException(
          "mapping: " + e.getMessage() + " on " + entry.getDN() + "; check the mapping");
    }
  }

  private static void requirePresent(SearchResultEntry entry, String attribute, String field) {
    if (!entry.hasAttribute(attribute)) {
      throw new SourceDataException(
          "mapping: attribute '"
              + attribute
              + "' ("
              + field
              + ") is not present on "
              + entry.getDN()
              + "; check the mapping");
    }
  }
}
