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

  /** The key of a DN string; a string that does not parse is only lower-cased. */
  static String of(String dn) {
    if (simple(dn)) {
      return dn.toLowerCase(Locale.ROOT);
    }
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return dn.strip().toLowerCase(Locale.ROOT);
    }
  }

  private static boolean simple(String dn) {
    char previous = ',';
    for (int i = 0; i < dn.length(); i++) {
      char c = dn.charAt(i);
      switch (c) {
        case '\\', '"', '+', ';', '<', '>', '#' -> {
          return false;
        }
        case ' ' -> {
          if (previous == ',' || previous == '=' || i == dn.length() - 1) {
            return false;
          }
          char next = dn.charAt(i + 1);
          if (next == ',' || next == '=') {
            return false;
          }
        }
        default -> {
          if (c > 0x7f) {
            return false;
          }
        }
      }
      previous = c;
    }
    return true;
  }
}
