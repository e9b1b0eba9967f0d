package org.roster.connector.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.roster.connector.api.DroppedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a file that a run read into {@code processed/} or {@code failed/} and writes the run's
 * report beside it. Never replaces a file: a name already taken gets a timestamp suffix.
 */
final class FileSettler {
  private static final Logger LOG = LoggerFactory.getLogger(FileSettler.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DropFolder folder;
  private final Clock clock;

  FileSettler(DropFolder folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  /**
   * Settles the file; one already in {@code processed/} or {@code failed/} stays there and its
   * report gets the new one appended.
   *
   * @return where the file now lies
   */
  DroppedFile settle(DroppedFile file, boolean applied, String report) {
    Path source = file.path().toAbsolutePath().normalize();
    Path dir = source.getParent();
    Path target = source;
    if (!dir.equals(folder.processed()) && !dir.equals(folder.failed())) {
      folder.ensureExists();
      target = freeName(applied ? folder.processed() : folder.failed(), file.name());
      move(source, target);
      LOG.info("Moved {} to {}", source, target);
    }
    writeReport(target, report);
    prune(target.getParent(), target);
    try {
      return DropFolder.describe(target);
    } catch (IOException e) {
      throw CsvFailures.unavailable("cannot read", target, e);
    }
  }

  private Path freeName(Path dir, String name) {
    Path target = dir.resolve(name);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    String stamped = stem + "-" + STAMP.format(clock.instant());
    for (int n = 2; Files.exists(target) || Files.exists(report(target)); n++) {
      target = dir.resolve(stamped + (n == 2 ? "" : "-" + (n - 1)) + extension);
    }
    return target;
  }

  private static void move(Path source, Path target) {
    try {
      try {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(source, target);
      }
    } catch (IOException e) {
      throw CsvFailures.unavailable("cannot move " + source + " to", target, e);
    }
  }

  /**
   * Keeps the newest {@code keepFiles} files of the folder (by modification time, the one just
   * settled always among them) and deletes the others with their reports. A file that cannot be
   * deleted is logged and left: pruning never fails a run.
   */
  private void prune(Path dir, Path settled) {
    int keep = folder.keepFiles();
    if (keep == 0) {
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> Files.isRegularFile(p)
              && !p.getFileName().toString().endsWith(DropFolder.REPORT_SUFFIX))
          .sorted(Comparator.comparing((Path p) -> !p.equals(settled))
              .thenComparing(FileSettler::modified, Comparator.reverseOrder()))
          .toList();
    } catch (IOException e) {
      LOG.warn("Cannot list {} to prune it: {}", dir, e.toString());
      return;
    }
    for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
      try {
        Files.deleteIfExists(report(old));
        Files.deleteIfExists(old);
        LOG.info("Deleted {} (keepFiles {})", old, keep);
      } catch (IOException e) {
        LOG.warn("Cannot delete {}: {}", old, e.toString());
      }
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void writeReport(Path file, String report) {
    Path path = report(file);
    try {
      String text =
          Files.exists(path)
              ? System.lineSeparator() + "----" + System.lineSeparator() + report
              : report;
      Files.writeString(
          path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw CsvFailures.unavailable("cannot write report", path, e);
    }
  }

  private static Path report(Path file) {
    return file.resolveSibling(file.getFileName() + DropFolder.REPORT_SUFFIX);
  }
}
