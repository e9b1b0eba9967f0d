package org.roster.connector.csv;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVException;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.csv.StrictDecodingReader.UndecodableInputException;

/** Translates the file system's and commons-csv's exceptions into the connector family, once. */
final class CsvFailures {
  private CsvFailures() {}

  /** A failure while reading a CSV file. */
  static ConnectorException reading(Path file, IOException e) {
    String name = String.valueOf(file.getFileName());
    if (e instanceof UndecodableInputException u) {
      return new SourceDataException(
          name
              + " is not valid "
              + u.charset().name()
              + " text at line "
              + u.line()
              + "; check the 'encoding' setting",
          e);
    }
    if (e instanceof CSVException) {
      return new SourceDataException(name + " is not well-formed CSV: " + e.getMessage(), e);
    }
    return unavailable("cannot read", file, e);
  }

  /** A failure on a file or folder of the drop folder; {@code doing} says what ("cannot move"). */
  static SourceUnavailableException unavailable(String doing, Path path, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new SourceUnavailableException(doing + " " + path + ": it does not exist", e);
    }
    if (e instanceof AccessDeniedException) {
      return new SourceUnavailableException(doing + " " + path + ": permission denied", e);
    }
    return new SourceUnavailableException(doing + " " + path + ": " + e, e);
  }
}
