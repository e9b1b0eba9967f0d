package org.roster.connector.csv;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.DroppedFile;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one CSV file, a full snapshot of the profile's people: groups from the groups column, users
 * from the rows. The file is chosen on first use and kept for the source's life; each {@link
 * #readAll} streams it anew. A file whose size or modification time is not what it was when it was
 * found fails the read as unavailable (retryable): it is still being written. Not incremental.
 */
public final class CsvSource implements DirectorySource {
  private static final Logger LOG = LoggerFactory.getLogger(CsvSource.class);

  private final CsvSettings settings;
  private final Supplier<Optional<DroppedFile>> choice;
  private final SourceContext context;
  private final CsvFileReader reader;
  private Optional<DroppedFile> chosen = Optional.empty();
  private boolean hasChosen;
  private boolean closed;

  /**
   * A source over the file {@code choice} names when first asked.
   *
   * @param choice the file to read, or empty when there is none; may throw {@link
   *     SourceUnavailableException}, and is asked again after it did
   */
  CsvSource(CsvSettings settings, Supplier<Optional<DroppedFile>> choice, SourceContext context) {
    this.settings = settings;
    this.choice = choice;
    this.context = context;
    this.reader = new CsvFileReader(settings);
  }

  /**
   * Checks that the drop folder (or the file) can be read and that the file's header has the
   * required columns. Passes when the folder holds no file yet.
   */
  @Override
  public void testConnection() {
    Optional<DroppedFile> current = file();
    if (current.isEmpty()) {
      LOG.info("Profile {}: no file in drop folder {} yet", context.profileId(), settings.folder());
      return;
    }
    checkUnchanged(current.get());
    reader.readHeader(current.get().path());
  }

  /**
   * Streams the file's groups or users. Throws before any entry when the header, the file's
   * emptiness or its first decoding fails; a decoding or quoting error further down throws too,
   * after some entries, so that nothing of the file is applied.
   *
   * @throws SourceDataException when the file is unusable as a whole or there is no file
   * @throws SourceUnavailableException when the file cannot be read or changes while read
   */
  @Override
  public void readAll(EntryKind kind, EntrySink sink) {
    if (closed) {
      throw new IllegalStateException("source is closed");
    }
    DroppedFile current =
        file()
            .orElseThrow(
                () -> new SourceDataException("no file in drop folder " + settings.folder()));
    checkUnchanged(current);
    long started = System.nanoTime();
    String summary;
    if (kind == EntryKind.GROUP) {
      GroupPass pass = new GroupPass(settings, sink);
      reader.read(current.path(), pass);
      summary = pass.groups() + " groups";
    } else {
      UserPass pass = new UserPass(settings, sink, current.name());
      reader.read(current.path(), pass);
      summary = pass.accepted() + " users, " + pass.rejected() + " rejected";
    }
    checkUnchanged(current);
    LOG.info(
        "Profile {}: read {} from {} in {} ms",
        context.profileId(),
        summary,
        current.path(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Nothing stays open between reads; marks the source closed. */
  @Override
  public void close() {
    closed = true;
  }

  private Optional<DroppedFile> file() {
    if (!hasChosen) {
      chosen = choice.get();
      hasChosen = true;
    }
    return chosen;
  }

  private static void checkUnchanged(DroppedFile expected) {
    DroppedFile now;
    try {
      now = DropFolder.describe(expected.path());
    } catch (IOException e) {
      throw CsvFailures.unavailable("cannot read", expected.path(), e);
    }
    if (now.size() != expected.size() || !now.modified().equals(expected.modified())) {
      throw new SourceUnavailableException(
          expected.path() + " changed since it was found; it is probably still being written");
    }
  }
}
