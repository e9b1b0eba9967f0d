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
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One search read page by page with the simple paged results control (RFC 2696), entries handed on
 * in the server's order. Referrals and continuation references are not followed here: references
 * are ignored (Samba returns them for searches from the domain root). AD serves at most 1000
 * entries a page, whatever the page size asked.
 *
 * <p>Entries are handed on as they arrive, each while it is still in the CPU's cache: mapping them
 * once their whole page (megabytes) was read made reading 100,000 users from slapd about 15 %
 * slower. The connection is busy meanwhile, so a handler must not use it: {@link
 * Session#connection()} refuses until the page is read, and what needs another request waits for
 * {@code run} to return. A handler's failure or stop takes effect at once; the rest of the page is
 * read and dropped, so that the connection stays usable, and a failure is rethrown then.
 */
final class PagedSearch {
  private static final Logger LOG = LoggerFactory.getLogger(PagedSearch.class);

  /** Takes one entry; false stops the search. */
  @FunctionalInterface
  interface Handler {
    boolean take(SearchResultEntry entry);
  }

  private final Session session;
  private final int pageSize;

  PagedSearch(Session session, int pageSize) {
    this.session = session;
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
    LDAPConnection connection = session.connection();
    String baseDn = base.toString();
    String[] names = attributes.toArray(String[]::new);
    Delivery delivery = new Delivery(handler);
    ASN1OctetString cookie = null;
    do {
      SearchRequest request =
          new SearchRequest(
              delivery, baseDn, scope, DereferencePolicy.NEVER, 0, 0, false, filter, names);
      List<Control> all = new ArrayList<>(List.of(controls));
      all.add(new SimplePagedResultsControl(pageSize, cookie, true));
      request.setControls(all);
      cookie = nextCookie(page(connection, request, step, delivery), step);
      if (delivery.stopped) {
        release(connection, request, cookie);
        return false;
      }
    } while (cookie != null);
    return true;
  }

  /** One page, handed on while it arrives; a handler's failure is rethrown once it is read. */
  private SearchResult page(
      LDAPConnection connection, SearchRequest request, String step, Delivery delivery) {
    session.busy(true);
    try {
      SearchResult result = connection.search(request);
      if (delivery.failure != null) {
        throw delivery.failure;
      }
      return result;
    } catch (LDAPException e) {
      throw delivery.failedWith(LdapFailures.translate(step, e));
    } finally {
      session.busy(false);
    }
  }

  private static ASN1OctetString nextCookie(SearchResult result, String step) {
    try {
      SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
      if (response == null || !response.moreResultsToReturn()) {
        return null;
      }
      return response.getCookie();
    } catch (LDAPException e) {
      throw LdapFailures.translate(step, e);
    }
  }

  /** Tells the server to drop the paged result set (a request for zero entries). */
  private static void release(
      LDAPConnection connection, SearchRequest request, ASN1OctetString cookie) {
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

  /**
   * Hands entries to the handler until it stops or fails; drops the rest. Never throws into the
   * SDK, which is in the middle of reading a response.
   */
  private static final class Delivery implements SearchResultListener {
    private static final long serialVersionUID = 1L;

    private final transient Handler handler;
    boolean stopped;
    RuntimeException failure;

    Delivery(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
      if (stopped) {
        return;
      }
      try {
        stopped = !handler.take(entry);
      } catch (RuntimeException e) {
        failure = e;
        stopped = true;
      }
    }

    /** The handler's failure, if any, with {@code e} suppressed in it; else {@code e}. */
    RuntimeException failedWith(RuntimeException e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
      return failure;
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
      // Not followed: see the class comment.
    }
  }
}
