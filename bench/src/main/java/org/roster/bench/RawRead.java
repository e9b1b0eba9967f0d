package org.roster.bench;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The raw read cost: every user and group of the directory read with a plain paged UnboundID
 * search (synchronous mode, 1000 entries a page), asking for the attributes the sync maps with
 * the connector's OpenLDAP defaults and the same filters and base, each value touched once.
 * Nothing is mapped or kept.
 */
final class RawRead {
  static final int PAGE = 1000;
  static final String USERS_FILTER = "(objectClass=inetOrgPerson)";
  static final String GROUPS_FILTER = "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))";
  /** The OpenLDAP flavour's mapping: id, login, displayName cn, email, phone, title, company... */
  static final List<String> USER_ATTRIBUTES =
      List.of("entryUUID", "uid", "cn", "mail", "telephoneNumber", "title", "o", "givenName", "sn", "ou");

  private final BenchSettings settings;

  /** Entries and attribute values read, and the seconds it took. */
  record Result(long entries, long values, double seconds) {}

  RawRead(BenchSettings settings) {
    this.settings = settings;
  }

  /** Reads groups then users as the sync with membership setting {@code mode} asks for them. */
  Result read(String mode) {
    long[] counts = new long[2];
    Consumer<SearchResultEntry> touch =
        entry -> {
          counts[0]++;
          for (Attribute a : entry.getAttributes()) {
            counts[1] += a.getRawValues().length;
          }
        };
    try (LDAPConnection connection = open()) {
      long start = System.nanoTime();
      search(connection, GROUPS_FILTER, groupAttributes(mode), touch);
      search(connection, USERS_FILTER, userAttributes(mode), touch);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(counts[0], counts[1], seconds);
    }
  }

  static List<String> userAttributes(String mode) {
    List<String> attributes = new ArrayList<>(USER_ATTRIBUTES);
    if (mode.equals("memberOf")) {
      attributes.add("memberOf");
    }
    return attributes;
  }

  static List<String> groupAttributes(String mode) {
    return List.of("entryUUID", "cn", mode);
  }

  /** A bound connection in synchronous mode. */
  LDAPConnection open() {
    try {
      LDAPURL url = new LDAPURL(settings.ldapUrl());
      LDAPConnectionOptions options = new LDAPConnectionOptions();
      options.setUseSynchronousMode(true);
      options.setResponseTimeoutMillis(120_000);
      LDAPConnection c = new LDAPConnection(options, url.getHost(), url.getPort());
      c.bind(settings.bindDn(), settings.bindPassword());
      return c;
    } catch (LDAPException e) {
      throw new IllegalStateException("cannot bind to " + settings.ldapUrl() + ": " + e.getMessage(), e);
    }
  }

  /** A paged subtree search of the base DN; each entry handed to {@code take} in server order. */
  void search(LDAPConnection connection, String filter, List<String> attributes,
      Consumer<SearchResultEntry> take) {
    try {
      Filter parsed = Filter.create(filter);
      ASN1OctetString cookie = null;
      do {
        SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB,
            DereferencePolicy.NEVER, 0, 0, false, parsed, attributes.toArray(String[]::new));
        request.addControl(new SimplePagedResultsControl(PAGE, cookie, true));
        SearchResult result = connection.search(request);
        result.getSearchEntries().forEach(take);
        SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
        cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
      } while (cookie != null);
    } catch (LDAPException e) {
      throw new IllegalStateException("search " + filter + " failed: " + e.getMessage(), e);
    }
  }
}
