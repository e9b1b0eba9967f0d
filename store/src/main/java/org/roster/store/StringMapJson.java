package org.roster.store;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * A {@code Map<String, String>} as a JSON object (RFC 8259), keys sorted, written by hand: every
 * user row and every audit event carries one, and this skips the general mapper's sorted copy and
 * serializer lookups (about a third less CPU on a user's attributes). The text is the one {@link
 * JsonCodec#write} (Jackson's UTF-8 generator) gives for the same map: {@code "} and {@code \}
 * escaped, control characters as their short escape or a {@code u} escape with upper-case hex,
 * each half of a surrogate pair (a character beyond the BMP) as a {@code u} escape, every other
 * character as it is.
 */
final class StringMapJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private StringMapJson() {}

  static String write(Map<String, String> map) {
    String[] keys = sortedKeys(map);
    StringBuilder out = new StringBuilder(2 + keys.length * 40);
    out.append('{');
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      string(out, keys[i]);
      out.append(':');
      String value = map.get(keys[i]);
      if (value == null) {
        out.append("null");
      } else {
        string(out, value);
      }
    }
    return out.append('}').toString();
  }

  /** In {@link String#compareTo} order, as a {@code TreeMap} has them. */
  private static String[] sortedKeys(Map<String, String> map) {
    String[] keys = map.keySet().toArray(new String[0]);
    if (!(map instanceof SortedMap<String, String> sorted && sorted.comparator() == null)) {
      Arrays.sort(keys);
    }
    return keys;
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch >= 0x20 && ch != '"' && ch != '\\' && !Character.isSurrogate(ch)) {
        continue;
      }
      out.append(s, start, i).append('\\');
      switch (ch) {
        case '"', '\\' -> out.append(ch);
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default ->
            out.append('u')
                .append(HEX[ch >> 12])
                .append(HEX[(ch >> 8) & 0xF])
                .append(HEX[(ch >> 4) & 0xF])
                .append(HEX[ch & 0xF]);
      }
      start = i + 1;
    }
    out.append(s, start, n).append('"');
  }
}
