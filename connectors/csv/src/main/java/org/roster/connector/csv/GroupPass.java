package org.roster.connector.csv;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.SourceGroup;

/**
 * Reads the groups of a file: one per distinct name in the groups column, where it first appears. A
 * group's external id is its name as written, trimmed. Rows of the wrong width are skipped here
 * (the user pass reports them); rows rejected for other reasons still name their groups, so that a
 * group whose only member was rejected is not taken for deleted. Holds only the names seen.
 */
final class GroupPass implements CsvFileReader.Pass {

  private final CsvSettings settings;
  private final EntrySink sink;
  private final Set<String> seen = new HashSet<>();
  private HeaderLayout layout;

  GroupPass(CsvSettings settings, EntrySink sink) {
    this.settings = settings;
    this.sink = sink;
  }

  @Override
  public void start(HeaderLayout header) {
    this.layout = header;
  }

  @Override
  public boolean row(CSVRecord row, long line) {
    if (row.size() != layout.width()) {
      return true;
    }
    for (String name : layout.groupNames(row, settings.multiValueSeparator())) {
      if (seen.add(name) && !sink.accept(new SourceGroup(name, name, "group " + name, Set.of()))) {
        return false;
      }
    }
    return true;
  }

  /** Groups read so far. */
  int groups() {
    return seen.size();
  }
}
