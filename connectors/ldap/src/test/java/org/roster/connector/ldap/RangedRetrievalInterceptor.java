package org.roster.connector.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the in-memory server answer {@code member;range=L-H} as AD does: at most {@code maxRange}
 * values per window, named {@code member;range=L-H} while more follow and {@code member;range=L-*}
 * for the last window. Counts the windows served.
 */
final class RangedRetrievalInterceptor extends InMemoryOperationInterceptor {
  private final int maxRange;
  final AtomicInteger windows = new AtomicInteger();

  RangedRetrievalInterceptor(int maxRange) {
    this.maxRange = maxRange;
  }

  @Override
  public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
    List<String> attributes = new ArrayList<>(request.getRequest().getAttributeList());
    if (attributes.stream().anyMatch(a -> a.toLowerCase().startsWith("member;range="))) {
      attributes.add("member");
      SearchRequest changed = request.getRequest().duplicate();
      changed.setAttributes(attributes);
      request.setRequest(changed);
    }
  }

  @Override
  public void processSearchEntry(InMemoryInterceptedSearchEntry intercepted) {
    String window =
        intercepted.getRequest().getAttributeList().stream()
            .filter(a -> a.toLowerCase().startsWith("member;range="))
            .findFirst()
            .orElse(null);
    if (window == null) {
      return;
    }
    RangedValues.Range asked = RangedValues.parse(window).orElseThrow();
    Entry entry = intercepted.getSearchEntry().duplicate();
    String[] all = entry.getAttributeValues("member");
    entry.removeAttribute("member");
    if (all != null && asked.low() < all.length) {
      int high = asked.high() < 0 ? all.length - 1 : asked.high();
      high = Math.min(Math.min(high, asked.low() + maxRange - 1), all.length - 1);
      String name = "member;range=" + asked.low() + "-" + (high == all.length - 1 ? "*" : high);
      entry.addAttribute(new Attribute(name, Arrays.copyOfRange(all, asked.low(), high + 1)));
      windows.incrementAndGet();
    }
    intercepted.setSearchEntry(entry);
  }
}
