package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;

/**
 * A DN as a map key: lower case, and fully normalised by UnboundID only when it holds characters
 * that plain lower-casing cannot compare (escapes, quotes, multi-valued RDNs, spaces around
 * separators). Member values and entry DNs differ in case more often than in anything else.
 */
final class DnKey {
  private DnKey() {}

  /**
   * The key of a DN string; a string that does not parse is only lower-cased. A DN that is already
   * its own key (plain ASCII, lower case) is returned as it is, after one pass over it.
   */
  static String of(String dn) {
    switch (scan(dn)) {
      case KEY -> {
        return dn;
      }
      case UPPER_CASE -> {
        return dn.toLowerCase(Locale.ROOT);
      }
      default -> {
        try {
          return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
          return dn.strip().toLowerCase(Locale.ROOT);
        }
      }
    }
  }

  /**
   * True when these UTF-8 bytes decode to a DN that is its own key (plain ASCII, lower case), so
   * that they are the key's bytes as they are: the same test as {@link #of} makes on the string.
   */
  static boolean isKey(byte[] dn) {
    byte previous = ',';
    int last = dn.length - 1;
    for (int i = 0; i <= last; i++) {
      byte b = dn[i];
      switch (b) {
        case '\\', '"', '+', ';', '<', '>', '#' -> {
          return false;
        }
        case ' ' -> {
          if (previous == ','
              || previous == '='
              || i == last
              || dn[i + 1] == ','
              || dn[i + 1] == '=') {
            return false;
          }
        }
        default -> {
          if (b < 0 || (b >= 'A' && b <= 'Z')) {
            return false;
          }
        }
      }
      previous = b;
    }
    return true;
  }

  private enum Form {
    /** Plain ASCII without upper case: its own key. */
    KEY,
    /** Plain ASCII with upper case: lower-casing makes the key. */
    UPPER_CASE,
    /** Escapes, quotes, multi-valued RDNs, spaces around separators, non-ASCII: parse it. */
    COMPLEX
  }

  private static Form scan(String dn) {
    boolean upper = false;
    char previous = ',';
    int last = dn.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = dn.charAt(i);
      switch (c) {
        case '\\', '"', '+', ';', '<', '>', '#' -> {
          return Form.COMPLEX;
        }
        case ' ' -> {
          if (previous == ',' || previous == '=' || i == last) {
            return Form.COMPLEX;
          }
          char next = dn.charAt(i + 1);
          if (next == ',' || next == '=') {
            return Form.COMPLEX;
          }
        }
        default -> {
          if (c > 0x7f) {
            return Form.COMPLEX;
          }
          upper |= c >= 'A' && c <= 'Z';
        }
      }
      previous = c;
    }
    return upper ? Form.UPPER_CASE : Form.KEY;
  }
}
