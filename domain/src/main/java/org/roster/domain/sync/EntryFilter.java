package org.roster.domain.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An RFC 4515 LDAP filter evaluated against an entry's fields: the one filter language Roster
 * uses for every source. Supports {@code & | !}, equality, presence ({@code =*}), substrings
 * ({@code a*b*c}), {@code >=} and {@code <=} (lexical), and {@code \XX} escapes. Matching is
 * case-insensitive, as for most directory attributes. See
 * <a href="https://www.rfc-editor.org/rfc/rfc4515">RFC 4515</a>.
 */
public sealed interface EntryFilter {

  /** True when the entry whose field values {@code fields} gives matches. */
  boolean matches(Function<String, String> fields);

  /**
   * Parses a filter.
   *
   * @param setting the setting it came from, named in the error
   * @throws IllegalArgumentException naming the setting and the position of the error
   */
  static EntryFilter parse(String text, String setting) {
    return new FilterParser(text, setting).parseWhole();
  }

  record And(List<EntryFilter> parts) implements EntryFilter {
    public boolean matches(Function<String, String> f) {
      return parts.stream().allMatch(p -> p.matches(f));
    }
  }

  record Or(List<EntryFilter> parts) implements EntryFilter {
    public boolean matches(Function<String, String> f) {
      return parts.stream().anyMatch(p -> p.matches(f));
    }
  }

  record Not(EntryFilter part) implements EntryFilter {
    public boolean matches(Function<String, String> f) {
      return !part.matches(f);
    }
  }

  record Present(String attribute) implements EntryFilter {
    public boolean matches(Function<String, String> f) {
      String v = f.apply(attribute);
      return v != null && !v.isEmpty();
    }
  }

  /** {@code op} is one of "=", ">=", "<=". */
  record Compare(String attribute, String op, String value) implements EntryFilter {
    public boolean matches(Function<String, String> f) {
      String v = f.apply(attribute);
      if (v == null) {
        return false;
      }
      int c = v.toLowerCase(Locale.ROOT).compareTo(value.toLowerCase(Locale.ROOT));
      return switch (op) {
        case "=" -> c == 0;
        case ">=" -> c >= 0;
        default -> c <= 0;
      };
    }
  }

  /** {@code initial*any*...*final}; null initial / final when the pattern starts / ends with *. */
  record Substring(String attribute, String initial, List<String> any, String last)
      implements EntryFilter {
    public boolean matches(Function<String, String> f) {
      String v = f.apply(attribute);
      if (v == null) {
        return false;
      }
      String s = v.toLowerCase(Locale.ROOT);
      int pos = 0;
      if (initial != null) {
        if (!s.startsWith(initial.toLowerCase(Locale.ROOT))) {
          return false;
        }
        pos = initial.length();
      }
      for (String part : any) {
        int i = s.indexOf(part.toLowerCase(Locale.ROOT), pos);
        if (i < 0) {
          return false;
        }
        pos = i + part.length();
      }
      return last == null
          || (s.length() - pos >= last.length() && s.endsWith(last.toLowerCase(Locale.ROOT)));
    }
  }

  /** Splits {@code a*b*c} into the substring filter's parts. */
  static EntryFilter substring(String attribute, List<String> pieces) {
    String initial = pieces.get(0).isEmpty() ? null : pieces.get(0);
    String last = pieces.get(pieces.size() - 1).isEmpty() ? null : pieces.get(pieces.size() - 1);
    List<String> any = new ArrayList<>();
    for (int i = 1; i < pieces.size() - 1; i++) {
      if (!pieces.get(i).isEmpty()) {
        any.add(pieces.get(i));
      }
    }
    return new Substring(attribute, initial, List.copyOf(any), last);
  }
}
