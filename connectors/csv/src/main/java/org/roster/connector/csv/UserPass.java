package org.roster.connector.csv;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.RejectedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the users of a file, one per row. A bad row is rejected alone, with its match key when it
 * has one so that the engine treats that user as present; a later row repeating a match key is
 * rejected as a duplicate. Holds only the match keys seen, with their first line.
 */
final class UserPass implements CsvFileReader.Pass {
  private static final Logger LOG = LoggerFactory.getLogger(UserPass.class);

  private final CsvSettings settings;
  private final EntrySink sink;
  private final String file;
  private final Map<String, Long> firstLineByKey = new HashMap<>();
  private HeaderLayout layout;
  private UserRowMapper mapper;
  private int accepted;
  private int rejected;

  UserPass(CsvSettings settings, EntrySink sink, String file) {
    this.settings = settings;
    this.sink = sink;
    this.file = file;
  }

  @Override
  public void start(HeaderLayout header) {
    this.layout = header;
    this.mapper = new UserRowMapper(header, settings);
  }

  @Override
  public boolean row(CSVRecord row, long line) {
    String location = "line " + line;
    String key = layout.matchKey(row);
    try {
      if (key.isEmpty()) {
        throw new MalformedEntryException("empty match key '" + layout.matchColumn() + "'");
      }
      if (row.size() == layout.width()) {
        Long first = firstLineByKey.putIfAbsent(key, line);
        if (first != null) {
          throw new MalformedEntryException(
              "duplicate match key '" + key + "' (first on line " + first + ")");
        }
      }
      // a row's line moves whenever rows above it come or go: the stored location is the key
      boolean goOn = sink.accept(mapper.toUser(row, key, layout.matchColumn() + "=" + key));
      accepted++;
      return goOn;
    } catch (MalformedEntryException e) {
      rejected++;
      LOG.warn("{} {}: row with match key '{}' rejected: {}", file, location, key, e.getMessage());
      return sink.reject(
          new RejectedEntry(EntryKind.USER, location, Optional.of(key), e.getMessage()));
    }
  }

  /** Users accepted so far. */
  int accepted() {
    return accepted;
  }

  /** Rows rejected so far. */
  int rejected() {
    return rejected;
  }
}
