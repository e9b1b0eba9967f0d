package org.roster.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One search read page by page with the simple paged results control (RFC 2696), each page's
 * entries handed on in the server's order. Referrals and continuation references are not followed
 * here: references are ignored (Samba returns them for searches from the domain root). AD serves at
 * most 1000 entries a page, whatever the page size asked.
 */
final class PagedSearch {
  private static final Logger LOG = LoggerFactory.getLogger(PagedSearch.class);

  /** Takes one entry; false stops the search. */
  @FunctionalInterface
  interface Handler {
    boolean take(SearchResultEntry entry);
  }

  private final LDAPConnection connection;
  private final int pageSize;

  PagedSearch(LDAPConnection connection, int pageSize) {
    this.connection = connection;
    this.pageSize = pageSize;
  }

  /**
   * Runs the search.
   *
   * @param step what is being read, for failure messages ("read users")
   * @param controls more request controls (Show Deleted)
   * @return false when the handler asked to stop
   * @throws org.roster.connector.api.ConnectorException translated by {@link LdapFailures}
   */
  boolean run(
      String step,
      DN base,
      SearchScope scope,
      Filter filter,
      Collection<String> attributes,
      Handler handler,
      Control... controls) {
    ASN1OctetString cookie = null;
    do {
      SearchRequest request =
          new SearchRequest(
              base.toString(),
              scope,
              DereferencePolicy.NEVER,
              0,
              0,
              false,
              filter,
              attributes.toArray(String[]::new));
      List<Control> all = new ArrayList<>(List.of(controls));
      all.add(new SimplePagedResultsControl(pageSize, cookie, true));
      request.setControls(all);
      SearchResult result;
      try {
        result = connection.search(request);
        cookie = nextCookie(result);
      } catch (LDAPException e) {
        throw LdapFailures.translate(step, e);
      }
      for (SearchResultEntry entry : result.getSearchEntries()) {
        if (!handler.take(entry)) {
          release(request, cookie);
          return false;
        }
      }
    } while (cookie != null);
    return true;
  }

  private static ASN1OctetString nextCookie(SearchResult result) throws LDAPException {
    SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
    if (response == null || !response.moreResultsToReturn()) {
      return null;
    }
    return response.getCookie();
  }

  /** Tells the server to drop the paged result set (a request for zero entries). */
  private void release(SearchRequest request, ASN1OctetString cookie) {
    if (cookie == null) {
      return;
    }
    SearchRequest last = request.duplicate();
    List<Control> controls = new ArrayList<>();
    for (Control c : request.getControls()) {
      if (!c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
        controls.add(c);
      }
    }
    controls.add(new SimplePagedResultsControl(0, cookie, true));
    last.setControls(controls);
    try {
      connection.search(last);
    } catch (LDAPException e) {
      LOG.debug("Releasing a paged search failed: {}", e.getResultCode(), e);
    }
  }
}
