package org.roster.connector.ldap;

import java.util.HexFormat;
import java.util.Locale;
import org.roster.connector.api.MalformedEntryException;

/**
 * Active Directory's {@code objectGUID}: 16 bytes whose first three fields (4, 2 and 2 bytes) are
 * little-endian, rendered as the canonical string that AD tools show ({@code 8b5a3f3c-...}); see <a
 * href="https://learn.microsoft.com/en-us/windows/win32/adschema/a-objectguid">Object-Guid</a> and
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/guiddef/ns-guiddef-guid">GUID</a>.
 */
final class ObjectGuid {
  static final String ATTRIBUTE = "objectGUID";

  /** Byte positions of the canonical string's hex pairs in the wire form. */
  private static final int[] ORDER = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

  private ObjectGuid() {}

  /**
   * The canonical lower-case string of a wire-form GUID.
   *
   * @throws MalformedEntryException when the value is not 16 bytes
   */
  static String render(byte[] wire) {
    if (wire == null || wire.length != 16) {
      throw new MalformedEntryException(
          "objectGUID is not a GUID: "
              + (wire == null ? "missing" : wire.length + " bytes instead of 16"));
    }
    StringBuilder s = new StringBuilder(36);
    HexFormat hex = HexFormat.of();
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        s.append('-');
      }
      s.append(hex.toHexDigits(wire[ORDER[i]]));
    }
    return s.toString();
  }

  /**
   * The wire form of a canonical GUID string.
   *
   * @throws IllegalArgumentException when the text is not a GUID
   */
  static byte[] parse(String canonical) {
    String hex = canonical.strip().toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw new IllegalArgumentException("'" + canonical + "' is not a GUID");
    }
    byte[] text = HexFormat.of().parseHex(hex.replace("-", ""));
    byte[] wire = new byte[16];
    for (int i = 0; i < 16; i++) {
      wire[ORDER[i]] = text[i];
    }
    return wire;
  }
}
