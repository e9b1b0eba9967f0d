package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.PasswordVerifier.Verdict;
import org.roster.connector.api.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's password checked by a bind as the user, on a connection of its own. The user is found by
 * the stored DN when that entry still carries the user's id, else by the id (a moved user); a user
 * outside the profile's users filter is not found. An empty password is rejected without a bind:
 * LDAP takes an empty password as an anonymous bind, which succeeds. The password is never logged.
 */
final class PasswordCheck {
  private static final Logger LOG = LoggerFactory.getLogger(PasswordCheck.class);

  private final Session session;
  private final LdapSettings settings;

  PasswordCheck(Session session) {
    this.session = session;
    this.settings = session.settings();
  }

  Verdict verify(String externalId, String location, Secret password) {
    if (password == null || password.value().isEmpty()) {
      return Verdict.REJECTED;
    }
    Optional<Entry> user = find(externalId, location);
    if (user.isEmpty()) {
      LOG.info(
          "Profile {}: user {} not found for a password check",
          session.context().profileId(),
          externalId);
      return Verdict.NOT_FOUND;
    }
    if (disabledOrUnknown(user.get())) {
      return Verdict.REJECTED;
    }
    return bind(user.get().getDN(), password);
  }

  private Verdict bind(String dn, Secret password) {
    try (LDAPConnection connection = session.connector().connect()) {
      connection.bind(new SimpleBindRequest(dn, password.value()));
      return Verdict.ACCEPTED;
    } catch (LDAPException e) {
      if (LdapFailures.unavailable(e.getResultCode())) {
        throw LdapFailures.translate("bind as user", e);
      }
      LOG.info(
          "Profile {}: password of {} refused: {}",
          session.context().profileId(),
          dn,
          LdapFailures.describe(e));
      return Verdict.REJECTED;
    }
  }

  private Optional<Entry> find(String externalId, String location) {
    Filter users = settings.scope().users();
    Set<String> attributes = new LinkedHashSet<>(List.of(settings.mapping().id()));
    attributes.addAll(settings.disabledRule().attributes());
    if (location != null && DN.isValidDN(location) && underUserBase(location)) {
      Optional<Entry> atLocation = entry(location, users, attributes);
      if (atLocation.isPresent() && externalId.equals(idOf(atLocation.get()))) {
        return atLocation;
      }
    }
    Optional<Filter> id = IdFilter.of(settings, externalId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Filter byId = Filters.and(users, id.get());
    for (DN base : settings.scope().userBases()) {
      SearchRequest request =
          new SearchRequest(
              base.toString(), SearchScope.SUB, byId, attributes.toArray(String[]::new));
      request.setSizeLimit(2);
      try {
        List<SearchResultEntry> found = session.connection().search(request).getSearchEntries();
        if (found.size() == 1) {
          return Optional.of(found.get(0));
        }
      } catch (LDAPException e) {
        throw LdapFailures.translate("find user " + externalId, e);
      }
    }
    return Optional.empty();
  }

  private Optional<Entry> entry(String dn, Filter users, Set<String> attributes) {
    try {
      SearchResult result =
          session
              .connection()
              .search(dn, SearchScope.BASE, users, attributes.toArray(String[]::new));
      return result.getSearchEntries().stream().map(Entry.class::cast).findFirst();
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return Optional.empty();
      }
      throw LdapFailures.translate("find user " + dn, e);
    }
  }

  /** A user whose disabled state cannot be read is refused, like a disabled one. */
  private boolean disabledOrUnknown(Entry entry) {
    try {
      return settings.disabledRule().disabled(entry);
    } catch (MalformedEntryException e) {
      LOG.warn("Profile {}: login of {} refused: {}", session.context().profileId(), entry.getDN(),
          e.getMessage());
      return true;
    }
  }

  private String idOf(Entry entry) {
    try {
      return session.mapper().externalId(entry);
    } catch (MalformedEntryException e) {
      return null;
    }
  }

  private boolean underUserBase(String dn) {
    DN parsed = Scope.dn(dn, "location");
    return settings.scope().userBases().stream().anyMatch(b -> parsed.isDescendantOf(b, true));
  }
}
