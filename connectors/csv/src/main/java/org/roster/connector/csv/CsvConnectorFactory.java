package org.roster.connector.csv;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.DropFolderConnector;
import org.roster.connector.api.DroppedFile;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;

/**
 * The CSV connector, type {@code "csv"}: people arrive as CSV files dropped into a folder, each a
 * full snapshot (see {@link CsvSettings} for the settings). Stateless and thread-safe; the server
 * makes one with the no-argument constructor.
 */
public final class CsvConnectorFactory implements ConnectorFactory, DropFolderConnector {

  /** The profile type this factory serves. */
  public static final String TYPE = "csv";

  private final Clock clock;

  /** A factory on the system clock. */
  public CsvConnectorFactory() {
    this(Clock.systemUTC());
  }

  /** A factory whose drop-folder calls read time from {@code clock}. */
  public CsvConnectorFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** None: a CSV profile has no secret. */
  @Override
  public Set<String> secretSettings() {
    return Set.of();
  }

  @Override
  public CsvSettings validate(RawSettings raw) {
    return CsvSettings.from(raw);
  }

  /**
   * A source over the oldest ready file of the folder, else the last processed one; when there is
   * neither, its {@code readAll} fails with a {@link org.roster.connector.api.SourceDataException}.
   * Touches the folder only when the source is first used.
   */
  @Override
  public DirectorySource open(ConnectorSettings settings, SourceContext context) {
    DropFolder folder = new DropFolder(csv(settings), context.clock());
    return new CsvSource(csv(settings), folder::current, context);
  }

  @Override
  public List<DroppedFile> readyFiles(ConnectorSettings settings) {
    return new DropFolder(csv(settings), clock).readyFiles();
  }

  @Override
  public Optional<DroppedFile> lastProcessed(ConnectorSettings settings) {
    return new DropFolder(csv(settings), clock).lastProcessed();
  }

  @Override
  public DirectorySource openFile(
      ConnectorSettings settings, DroppedFile file, SourceContext context) {
    return new CsvSource(csv(settings), () -> Optional.of(file), context);
  }

  @Override
  public DroppedFile settle(
      ConnectorSettings settings, DroppedFile file, boolean applied, String report) {
    return new FileSettler(new DropFolder(csv(settings), clock), clock)
        .settle(file, applied, report);
  }

  private static CsvSettings csv(ConnectorSettings settings) {
    if (settings instanceof CsvSettings csv) {
      return csv;
    }
    throw new InvalidSettingsException(
        "type", "the csv connector was given settings of another connector");
  }
}
