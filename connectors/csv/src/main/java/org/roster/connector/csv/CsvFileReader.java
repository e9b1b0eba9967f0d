package org.roster.connector.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.roster.connector.api.SourceDataException;

/**
 * Reads one CSV file as a header and a stream of data rows, never holding more than one row. Each
 * call opens and closes the file. Blank rows (empty, or only delimiters) are skipped. Empty lines
 * are parsed as rows, not ignored by the parser, so that its line count stays that of the file.
 */
final class CsvFileReader {

  /** One pass over a file's rows. */
  interface Pass {
    /** Called once with the file's header, before any row. */
    void start(HeaderLayout layout);

    /**
     * Takes a non-blank data row.
     *
     * @param line the physical line the row starts on, the file's first line being 1
     * @return false to stop reading
     */
    boolean row(CSVRecord row, long line);
  }

  private final CsvSettings settings;

  CsvFileReader(CsvSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads the header and checks the mapping against it.
   *
   * @throws org.roster.connector.api.SourceUnavailableException when the file cannot be read
   * @throws SourceDataException when the header lacks a required column or is not decodable
   */
  HeaderLayout readHeader(Path file) {
    return parse(file, (parser, rows) -> layout(rows, file));
  }

  /**
   * Streams the file's data rows to the pass until the end or until it asks to stop.
   *
   * @throws SourceDataException when the file is unusable as a whole: a required column missing,
   *     not decodable in the charset, malformed quoting, or no data rows at all
   */
  void read(Path file, Pass pass) {
    parse(
        file,
        (parser, rows) -> {
          pass.start(layout(rows, file));
          if (!streamRows(parser, rows, pass)) {
            throw noRows(file);
          }
          return null;
        });
  }

  /** Gives the pass each non-blank row with its line; false when there was none. */
  private static boolean streamRows(CSVParser parser, Iterator<CSVRecord> rows, Pass pass) {
    boolean any = false;
    // Before the iterator reads a record, the parser has counted the line breaks before it.
    for (long line = parser.getCurrentLineNumber() + 1;
        rows.hasNext();
        line = parser.getCurrentLineNumber() + 1) {
      CSVRecord row = rows.next();
      if (!isBlank(row)) {
        any = true;
        if (!pass.row(row, line)) {
          return true;
        }
      }
    }
    return any;
  }

  private HeaderLayout layout(Iterator<CSVRecord> rows, Path file) {
    while (rows.hasNext()) {
      CSVRecord header = rows.next();
      if (!isBlank(header)) {
        return HeaderLayout.resolve(header.toList(), settings.mapping(), name(file));
      }
    }
    throw noRows(file);
  }

  private <T> T parse(Path file, Work<T> work) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(settings.delimiter())
            .setIgnoreEmptyLines(false)
            .get();
    try (InputStream in = Files.newInputStream(file);
        CSVParser parser =
            CSVParser.parse(new StrictDecodingReader(in, settings.encoding()), format)) {
      return work.apply(parser, parser.iterator());
    } catch (IOException e) {
      throw CsvFailures.reading(file, e);
    } catch (UncheckedIOException e) {
      throw CsvFailures.reading(file, e.getCause());
    }
  }

  private static boolean isBlank(CSVRecord row) {
    return row.stream().allMatch(String::isBlank);
  }

  private static SourceDataException noRows(Path file) {
    return new SourceDataException(
        name(file) + " has no rows; refusing to treat an empty snapshot as 'everyone deleted'");
  }

  private static String name(Path file) {
    return String.valueOf(file.getFileName());
  }

  private interface Work<T> {
    T apply(CSVParser parser, Iterator<CSVRecord> rows) throws IOException;
  }
}
