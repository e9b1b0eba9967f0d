package org.roster.connector.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.UserFields;

/**
 * Where the mapped columns lie in one file's header, and how to read them from a row. Indexes are
 * -1 for optional columns the file lacks.
 *
 * @param width the number of columns in the header; a row of another width is malformed
 * @param matchColumn the match column's name, for messages
 * @param matchIndex the match column
 * @param loginIndex the login column
 * @param statusIndex the status column, or -1
 * @param groupsIndex the groups column, or -1
 * @param attributeIndexes {@link UserFields} name to column
 */
record HeaderLayout(
    int width,
    String matchColumn,
    int matchIndex,
    int loginIndex,
    int statusIndex,
    int groupsIndex,
    Map<String, Integer> attributeIndexes) {

  /**
   * Lays the mapping over a file's header.
   *
   * @throws SourceDataException when a required column is missing or a mapped one appears twice
   */
  static HeaderLayout resolve(List<String> header, ColumnMapping mapping, String file) {
    Map<String, Integer> index = new HashMap<>();
    Set<String> twice = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      if (index.putIfAbsent(ColumnMapping.normalize(header.get(i)), i) != null) {
        twice.add(ColumnMapping.normalize(header.get(i)));
      }
    }
    List<String> missing =
        mapping.requiredColumns().stream().filter(c -> !index.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new SourceDataException(
          file + ": missing column(s) " + quoted(missing) + "; the header has " + quoted(header));
    }
    List<String> used = new ArrayList<>(mapping.fields().keySet());
    used.add(mapping.matchColumn());
    twice.retainAll(used);
    if (!twice.isEmpty()) {
      throw new SourceDataException(
          file + ": column(s) " + quoted(twice) + " appear more than once");
    }
    Map<String, Integer> attributes = new LinkedHashMap<>();
    mapping
        .fields()
        .forEach(
            (column, field) -> {
              if (UserFields.ALL.contains(field) && index.containsKey(column)) {
                attributes.put(field, index.get(column));
              }
            });
    return new HeaderLayout(
        header.size(),
        mapping.matchColumn(),
        index.get(mapping.matchColumn()),
        index.get(mapping.loginColumn()),
        indexOf(mapping, ColumnMapping.STATUS, index),
        indexOf(mapping, ColumnMapping.GROUPS, index),
        attributes);
  }

  /** The trimmed value of a column, empty when the row is too short or the column absent. */
  String value(CSVRecord row, int column) {
    return column >= 0 && column < row.size() ? row.get(column).strip() : "";
  }

  /** The row's match key, trimmed; empty when it has none. */
  String matchKey(CSVRecord row) {
    return value(row, matchIndex);
  }

  /** Separators as patterns, compiled once rather than for every row. */
  private static final java.util.Map<String, Pattern> SPLITTERS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Pattern splitter(String separator) {
    return SPLITTERS.computeIfAbsent(separator, s -> Pattern.compile(Pattern.quote(s)));
  }

  /** The distinct, trimmed, non-empty group names of a row's groups column, in order. */
  List<String> groupNames(CSVRecord row, String separator) {
    String value = value(row, groupsIndex);
    if (value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(splitter(separator).split(value))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .distinct()
        .toList();
  }

  private static int indexOf(ColumnMapping mapping, String field, Map<String, Integer> index) {
    return mapping.columnOf(field).map(c -> index.getOrDefault(c, -1)).orElse(-1);
  }

  private static String quoted(java.util.Collection<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }
}
