package org.roster.connector.csv;

import java.util.Locale;
import org.roster.connector.api.InvalidSettingsException;

/** Reads the {@code delimiter} setting: one character, or a name for one. */
final class Delimiter {
  private Delimiter() {}

  /**
   * The delimiter the admin set, {@code ,} when unset. Read from the raw value because a tab is
   * blank, which {@link org.roster.connector.api.RawSettings#optionalString} treats as unset.
   */
  static char parse(Object value) {
    if (value == null || "".equals(value)) {
      return ',';
    }
    if (!(value instanceof String s)) {
      throw new InvalidSettingsException(CsvSettings.DELIMITER, "must be a string");
    }
    String named =
        switch (s.strip().toLowerCase(Locale.ROOT)) {
          case "tab", "\\t" -> "\t";
          case "comma" -> ",";
          case "semicolon" -> ";";
          case "pipe" -> "|";
          default -> s;
        };
    if (named.length() != 1 || "\"\r\n".indexOf(named.charAt(0)) >= 0) {
      throw new InvalidSettingsException(
          CsvSettings.DELIMITER, "must be one character such as , ; | or tab, not '" + s + "'");
    }
    return named.charAt(0);
  }
}
