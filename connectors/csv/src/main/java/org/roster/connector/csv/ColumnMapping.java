package org.roster.connector.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.UserFields;

/**
 * Which CSV column feeds which field. Column names are compared trimmed and case-insensitively, so
 * they are kept {@link #normalize normalized}.
 *
 * @param matchColumn the column holding each row's external id (the match key)
 * @param fields column to field: {@link #LOGIN}, {@link #STATUS}, {@link #GROUPS} or a {@link
 *     UserFields} name
 * @param explicit true when the admin wrote the mapping: then every mapped column is required; with
 *     the default mapping only the match and login columns are
 */
public record ColumnMapping(String matchColumn, Map<String, String> fields, boolean explicit) {

  public static final String EXTERNAL_ID = "externalId";
  public static final String LOGIN = "login";
  public static final String STATUS = "status";
  public static final String GROUPS = "groups";

  /** The mapping of the default header {@code id,username,email,given_name,…,status,groups}. */
  public static final Map<String, String> DEFAULT_FIELDS = defaultFields();

  private static final List<String> TARGETS =
      Stream.concat(Stream.of(EXTERNAL_ID, LOGIN, STATUS, GROUPS), UserFields.ALL.stream())
          .toList();

  public ColumnMapping {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    if (!fields.containsValue(LOGIN)) {
      throw new IllegalArgumentException("'fields' must map a column to login");
    }
  }

  /** A column name as compared: trimmed, lower case. */
  public static String normalize(String column) {
    return column.strip().toLowerCase(Locale.ROOT);
  }

  /** The column holding the login. */
  public String loginColumn() {
    return columnOf(LOGIN).orElseThrow();
  }

  /** The column mapped to a field, if any. */
  public Optional<String> columnOf(String field) {
    return fields.entrySet().stream()
        .filter(e -> e.getValue().equals(field))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The columns a file must have. */
  public List<String> requiredColumns() {
    List<String> required = new ArrayList<>(List.of(matchColumn));
    List<String> others = explicit ? List.copyOf(fields.keySet()) : List.of(loginColumn());
    others.stream().filter(c -> !required.contains(c)).forEach(required::add);
    return required;
  }

  /** Reads {@code matchColumn} and {@code mapping}; fails naming the offending setting. */
  static ColumnMapping from(RawSettings raw) {
    Optional<String> match =
        raw.optionalString(CsvSettings.MATCH_COLUMN).map(ColumnMapping::normalize);
    Map<String, String> given = raw.stringMap(CsvSettings.MAPPING);
    if (given.isEmpty()) {
      return new ColumnMapping(match.orElse("id"), DEFAULT_FIELDS, false);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    String idColumn = null;
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String key = CsvSettings.MAPPING + "." + entry.getKey();
      String column = normalize(entry.getKey());
      String target = target(key, entry.getValue());
      if (column.isEmpty()) {
        throw new InvalidSettingsException(key, "a column name must not be blank");
      }
      if (fields.containsKey(column) || column.equals(idColumn)) {
        throw new InvalidSettingsException(key, "names the same column as another entry");
      }
      if (target.equals(EXTERNAL_ID)) {
        if (idColumn != null) {
          throw new InvalidSettingsException(key, "a second column maps to externalId");
        }
        idColumn = column;
      } else if (fields.containsValue(target)) {
        throw new InvalidSettingsException(key, "field '" + target + "' is already mapped");
      } else {
        fields.put(column, target);
      }
    }
    if (!fields.containsValue(LOGIN)) {
      throw new InvalidSettingsException(CsvSettings.MAPPING, "must map a column to 'login'");
    }
    return new ColumnMapping(matchColumn(match, idColumn), fields, true);
  }

  private static String matchColumn(Optional<String> matchSetting, String idColumn) {
    if (idColumn == null) {
      return matchSetting.orElse("id");
    }
    if (matchSetting.isPresent() && !matchSetting.get().equals(idColumn)) {
      throw new InvalidSettingsException(
          CsvSettings.MATCH_COLUMN,
          "is '" + matchSetting.get() + "' but the mapping maps '" + idColumn + "' to externalId");
    }
    return idColumn;
  }

  private static String target(String key, String value) {
    return TARGETS.stream()
        .filter(t -> t.equalsIgnoreCase(value.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidSettingsException(
                    key,
                    "unknown field '"
                        + value
                        + "' (expected one of "
                        + String.join(", ", TARGETS)
                        + ")"));
  }

  private static Map<String, String> defaultFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", LOGIN);
    fields.put("email", UserFields.EMAIL);
    fields.put("given_name", UserFields.GIVEN_NAME);
    fields.put("family_name", UserFields.FAMILY_NAME);
    fields.put("display_name", UserFields.DISPLAY_NAME);
    fields.put("title", UserFields.TITLE);
    fields.put("department", UserFields.DEPARTMENT);
    fields.put("company", UserFields.COMPANY);
    fields.put("phone", UserFields.PHONE);
    fields.put("status", STATUS);
    fields.put("groups", GROUPS);
    return java.util.Collections.unmodifiableMap(fields);
  }
}
