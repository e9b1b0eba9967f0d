package org.roster.connector.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.DroppedFile;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.connector.testkit.RecordingSink;

/** A drop folder under a test's temporary directory, and ways to drop files and read them. */
final class TestDropFolder {
  static final String HEADER =
      "id,username,email,given_name,family_name,display_name,title,department,company,phone,status,groups";
  static final SourceContext CONTEXT = new SourceContext("test-profile", Clock.systemUTC());

  final Path folder;
  final CsvConnectorFactory factory;

  TestDropFolder(Path root) {
    this(root, Clock.systemUTC());
  }

  TestDropFolder(Path root, Clock clock) {
    this.folder = root.resolve("drop");
    this.factory = new CsvConnectorFactory(clock);
  }

  /** Settings for this folder plus the given key, value pairs. */
  CsvSettings settings(Object... keysAndValues) {
    Map<String, Object> raw = new HashMap<>();
    raw.put(CsvSettings.FOLDER, folder.toString());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      raw.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return factory.validate(RawSettings.of(raw));
  }

  /** Writes a UTF-8 file into the folder, last modified an hour ago. */
  Path drop(String name, String content) {
    return drop(name, content.getBytes(StandardCharsets.UTF_8));
  }

  Path drop(String name, String content, Charset charset) {
    return drop(name, content.getBytes(charset));
  }

  Path drop(String name, byte[] content) {
    try {
      Files.createDirectories(folder);
      Path file = Files.write(folder.resolve(name), content);
      modified(file, Instant.now().minus(Duration.ofHours(1)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void modified(Path file, Instant at) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(at));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DroppedFile found(Path file) {
    try {
      return DropFolder.describe(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source reading exactly this file. */
  DirectorySource open(Path file, CsvSettings settings) {
    return factory.openFile(settings, found(file), CONTEXT);
  }

  /** Reads one kind from a file with the given settings. */
  RecordingSink read(EntryKind kind, Path file, CsvSettings settings) {
    RecordingSink sink = new RecordingSink();
    try (DirectorySource source = open(file, settings)) {
      source.readAll(kind, sink);
    }
    return sink;
  }

  /** Drops {@code people.csv} with this content and reads its users with default settings. */
  RecordingSink users(String content) {
    return read(EntryKind.USER, drop("people.csv", content), settings());
  }
}
