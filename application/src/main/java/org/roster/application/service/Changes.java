package org.roster.application.service;

import java.util.Map;
import java.util.StringJoiner;

/** Renders field changes for reports: {@code title: Clerk → Manager; email: (none) → a@b}. */
final class Changes {
  private Changes() {}

  static String describe(Map<String, String> before, Map<String, String> after) {
    StringJoiner j = new StringJoiner("; ");
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String k : keys) {
      j.add(k + ": " + show(before.get(k)) + " → " + show(after.get(k)));
    }
    return j.toString();
  }

  private static String show(String v) {
    return v == null || v.isEmpty() ? "(none)" : v;
  }
}
