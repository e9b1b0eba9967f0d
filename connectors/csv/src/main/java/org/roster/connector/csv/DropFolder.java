package org.roster.connector.csv;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.roster.connector.api.DroppedFile;
import org.roster.connector.api.SourceUnavailableException;

/**
 * A profile's drop folder: the files waiting in it, which of them are ready, and the last one
 * processed. A file is taken when its name matches the pattern (case-insensitively), it lies
 * directly in the folder, is no dotfile, {@code *.tmp} or {@code *.part}, and its last change is
 * older than the quiet period. Readiness looks at the modification time only: a {@link CsvSource}
 * checks size and time again before and after reading, so that a file still being written fails its
 * run as retryable instead of being half applied.
 */
final class DropFolder {
  static final String PROCESSED = "processed";
  static final String FAILED = "failed";
  static final String REPORT_SUFFIX = ".report.txt";
  private static final Comparator<DroppedFile> OLDEST_FIRST =
      Comparator.comparing(DroppedFile::modified).thenComparing(DroppedFile::name);

  private final CsvSettings settings;
  private final Clock clock;
  private final PathMatcher pattern;

  DropFolder(CsvSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.pattern =
        FileSystems.getDefault()
            .getPathMatcher("glob:" + settings.filePattern().toLowerCase(Locale.ROOT));
  }

  Path folder() {
    return settings.folder().toAbsolutePath().normalize();
  }

  /** How many files processed/ and failed/ each keep; 0: all. */
  int keepFiles() {
    return settings.keepFiles();
  }

  Path processed() {
    return folder().resolve(PROCESSED);
  }

  Path failed() {
    return folder().resolve(FAILED);
  }

  /**
   * Creates the folder, {@code processed/} and {@code failed/} when missing.
   *
   * @throws SourceUnavailableException when they cannot be created or read
   */
  void ensureExists() {
    for (Path dir : List.of(folder(), processed(), failed())) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw CsvFailures.unavailable("cannot create drop folder", dir, e);
      }
    }
    if (!Files.isReadable(folder())) {
      throw new SourceUnavailableException("cannot read drop folder " + folder());
    }
  }

  /** The ready files, oldest first; creates the folders when missing. */
  List<DroppedFile> readyFiles() {
    ensureExists();
    Instant settledBefore = clock.instant().minus(settings.quietPeriod());
    return list(folder()).stream()
        .filter(f -> !f.modified().isAfter(settledBefore))
        .sorted(OLDEST_FIRST)
        .toList();
  }

  /** The newest file in {@code processed/}; empty when there is none. */
  Optional<DroppedFile> lastProcessed() {
    if (!Files.isDirectory(processed())) {
      return Optional.empty();
    }
    return list(processed()).stream().max(OLDEST_FIRST);
  }

  /** The file a run without a given file reads: the oldest ready one, else the last processed. */
  Optional<DroppedFile> current() {
    return readyFiles().stream().findFirst().or(this::lastProcessed);
  }

  /** The file as it is now. */
  static DroppedFile describe(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return new DroppedFile(path, attributes.size(), attributes.lastModifiedTime().toInstant());
  }

  private List<DroppedFile> list(Path dir) {
    List<DroppedFile> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, this::isCandidate)) {
      for (Path entry : entries) {
        files.add(describe(entry));
      }
    } catch (IOException e) {
      throw CsvFailures.unavailable("cannot list", dir, e);
    }
    return files;
  }

  private boolean isCandidate(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && !name.endsWith(".tmp")
        && !name.endsWith(".part")
        && !name.endsWith(REPORT_SUFFIX)
        && pattern.matches(Path.of(name))
        && Files.isRegularFile(path);
  }
}
