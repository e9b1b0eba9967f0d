package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.roster.connector.api.InvalidSettingsException;

/** RFC 4515 filters as settings: parsing that names the setting, combining, attributes used. */
final class Filters {
  /** AD's LDAP_MATCHING_RULE_IN_CHAIN: matches through nested groups. */
  static final String IN_CHAIN = "1.2.840.113556.1.4.1941";

  private Filters() {}

  /**
   * Parses a filter setting; surrounding parentheses may be left out ({@code uid=a*}).
   *
   * @throws InvalidSettingsException naming {@code field} when it is not a valid filter
   */
  static Filter parse(String text, String field) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new InvalidSettingsException(field, "is required");
    }
    if (!t.startsWith("(")) {
      t = "(" + t + ")";
    }
    try {
      return Filter.create(t);
    } catch (LDAPException e) {
      throw new InvalidSettingsException(
          field, "is not a valid LDAP filter (RFC 4515): " + e.getDiagnosticMessage());
    }
  }

  /** {@code (&(a)(b)...)}, or the only filter when there is one. */
  static Filter and(List<Filter> filters) {
    List<Filter> parts = new ArrayList<>();
    for (Filter f : filters) {
      if (f.getFilterType() == Filter.FILTER_TYPE_AND) {
        parts.addAll(List.of(f.getComponents()));
      } else {
        parts.add(f);
      }
    }
    return parts.size() == 1 ? parts.get(0) : Filter.createANDFilter(parts);
  }

  static Filter and(Filter... filters) {
    return and(List.of(filters));
  }

  /** The attribute names a filter tests, for a client-side evaluation to ask for them. */
  static Set<String> attributesOf(Filter filter) {
    Set<String> names = new LinkedHashSet<>();
    collect(filter, names);
    return names;
  }

  private static void collect(Filter filter, Set<String> names) {
    switch (filter.getFilterType()) {
      case Filter.FILTER_TYPE_AND, Filter.FILTER_TYPE_OR -> {
        for (Filter c : filter.getComponents()) {
          collect(c, names);
        }
      }
      case Filter.FILTER_TYPE_NOT -> collect(filter.getNOTComponent(), names);
      default -> {
        if (filter.getAttributeName() != null) {
          names.add(filter.getAttributeName());
        }
      }
    }
  }
}
