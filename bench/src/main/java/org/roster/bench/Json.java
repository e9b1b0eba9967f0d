package org.roster.bench;

import java.util.Collection;
import java.util.Map;

/** Just enough JSON for the results file: objects of strings, numbers, booleans, lists, null. */
final class Json {
  private Json() {}

  static String object(Map<String, ?> map) {
    StringBuilder b = new StringBuilder("{");
    map.forEach((k, v) -> {
      if (b.length() > 1) {
        b.append(',');
      }
      value(b, k);
      b.append(':');
      value(b, v);
    });
    return b.append('}').toString();
  }

  private static void value(StringBuilder b, Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Collection<?> c) {
      b.append('[');
      boolean first = true;
      for (Object o : c) {
        b.append(first ? "" : ",");
        value(b, o);
        first = false;
      }
      b.append(']');
    } else {
      String s = v.toString();
      b.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
  }
}
