package org.roster.connector.csv;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;

/**
 * Turns one data row into a {@link SourceUser}. A mapped column with an empty cell gives the
 * attribute as an empty string: the file says the value is empty, so the user's value is cleared.
 */
final class UserRowMapper {

  /** One {@code @}, something on each side, no blanks, no empty domain label. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*");

  private final HeaderLayout layout;
  private final CsvSettings settings;

  UserRowMapper(HeaderLayout layout, CsvSettings settings) {
    this.layout = layout;
    this.settings = settings;
  }

  /**
   * Maps a row whose match key was checked already.
   *
   * @throws MalformedEntryException saying what is wrong with the row
   */
  SourceUser toUser(CSVRecord row, String matchKey, String location) {
    if (row.size() != layout.width()) {
      throw new MalformedEntryException(
          "row has " + row.size() + " fields, the header has " + layout.width());
    }
    String login = layout.value(row, layout.loginIndex());
    if (login.isEmpty()) {
      throw new MalformedEntryException("empty username");
    }
    boolean enabled = enabled(layout.value(row, layout.statusIndex()));
    Map<String, String> attributes = new HashMap<>();
    layout
        .attributeIndexes()
        .forEach((field, column) -> attributes.put(field, layout.value(row, column)));
    String email = attributes.getOrDefault(UserFields.EMAIL, "");
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      throw new MalformedEntryException("invalid email '" + email + "'");
    }
    Set<String> groups = Set.copyOf(layout.groupNames(row, settings.multiValueSeparator()));
    return new SourceUser(matchKey, login, location, enabled, attributes, groups);
  }

  private boolean enabled(String status) {
    if (status.isEmpty() || status.equalsIgnoreCase(settings.statusActive())) {
      return true;
    }
    if (status.equalsIgnoreCase(settings.statusDisabled())) {
      return false;
    }
    throw new MalformedEntryException(
        "unknown status '"
            + status
            + "' (expected "
            + settings.statusActive()
            + " or "
            + settings.statusDisabled()
            + ")");
  }
}
