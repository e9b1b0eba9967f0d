package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.DroppedFile;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;
import org.roster.connector.testkit.RecordingSink;

/** Which files of the folder are ready, which was processed last, and which a manual run reads. */
class DropFolderTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path root;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestDropFolder drop() {
    return new TestDropFolder(root, clock);
  }

  private static Path at(Path file, Duration ago) {
    TestDropFolder.modified(file, NOW.minus(ago));
    return file;
  }

  @Test
  void aFileIsReadyOnlyOnceUnchangedForTheQuietPeriod() {
    TestDropFolder drop = drop();
    Path file = at(drop.drop("people.csv", "id,username\nu1,a\n"), Duration.ofSeconds(4));
    CsvSettings settings = drop.settings();

    assertThat(drop.factory.readyFiles(settings)).isEmpty();

    at(file, Duration.ofSeconds(5));
    assertThat(drop.factory.readyFiles(settings))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo(file.toAbsolutePath());
              assertThat(f.size()).isEqualTo(17);
              assertThat(f.modified()).isEqualTo(NOW.minusSeconds(5));
            });
    assertThat(drop.factory.readyFiles(drop.settings("quietSeconds", 30))).isEmpty();
  }

  @Test
  void readyFilesComeOldestFirstAndSkipWhatIsNotADroppedFile() throws Exception {
    TestDropFolder drop = drop();
    at(drop.drop("b.csv", "x"), Duration.ofMinutes(10));
    at(drop.drop("A.CSV", "x"), Duration.ofMinutes(20));
    at(drop.drop("c.csv", "x"), Duration.ofMinutes(5));
    for (String ignored :
        new String[] {".hidden.csv", "d.csv.tmp", "e.csv.part", "notes.txt", "f.csv.report.txt"}) {
      at(drop.drop(ignored, "x"), Duration.ofMinutes(30));
    }
    Files.createDirectories(drop.folder.resolve("sub.csv"));
    Files.createDirectories(drop.folder.resolve("nested"));
    at(
        Files.writeString(drop.folder.resolve("nested").resolve("g.csv"), "x"),
        Duration.ofMinutes(30));

    assertThat(drop.factory.readyFiles(drop.settings()))
        .extracting(DroppedFile::name)
        .containsExactly("A.CSV", "b.csv", "c.csv");
    assertThat(drop.factory.readyFiles(drop.settings("filePattern", "b*")))
        .extracting(DroppedFile::name)
        .containsExactly("b.csv");
  }

  @Test
  void listingCreatesTheFolderAndItsSubfolders() {
    TestDropFolder drop = drop();

    assertThat(drop.factory.readyFiles(drop.settings())).isEmpty();

    assertThat(drop.folder.resolve("processed")).isDirectory();
    assertThat(drop.folder.resolve("failed")).isDirectory();
  }

  @Test
  void aFolderThatCannotBeCreatedIsUnavailable() throws Exception {
    Path file = Files.writeString(root.resolve("a-file"), "x");
    TestDropFolder drop = new TestDropFolder(file, clock);

    assertThatThrownBy(() -> drop.factory.readyFiles(drop.settings()))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("cannot create drop folder");
  }

  @Test
  void lastProcessedIsTheNewestProcessedFileNotAReport() throws Exception {
    TestDropFolder drop = drop();
    assertThat(drop.factory.lastProcessed(drop.settings())).isEmpty();
    Path processed = Files.createDirectories(drop.folder.resolve("processed"));
    at(Files.writeString(processed.resolve("old.csv"), "x"), Duration.ofDays(2));
    at(Files.writeString(processed.resolve("new.csv"), "x"), Duration.ofDays(1));
    at(Files.writeString(processed.resolve("new.csv.report.txt"), "x"), Duration.ofHours(1));

    assertThat(drop.factory.lastProcessed(drop.settings("filePattern", "*")))
        .map(DroppedFile::name)
        .hasValue("new.csv");
  }

  @Test
  void aManualRunReadsTheOldestReadyFileElseTheLastProcessed() throws Exception {
    TestDropFolder drop = drop();
    Path processed = Files.createDirectories(drop.folder.resolve("processed"));
    at(
        Files.writeString(processed.resolve("done.csv"), "id,username\nu0,done\n"),
        Duration.ofDays(1));
    assertThat(logins(drop)).containsExactly("done");

    at(drop.drop("second.csv", "id,username\nu2,second\n"), Duration.ofMinutes(1));
    at(drop.drop("first.csv", "id,username\nu1,first\n"), Duration.ofMinutes(2));
    at(drop.drop("fresh.csv", "id,username\nu3,fresh\n"), Duration.ofSeconds(1));
    assertThat(logins(drop)).as("fresh.csv is not ready yet").containsExactly("first");
    Files.delete(drop.folder.resolve("first.csv"));
    Files.delete(drop.folder.resolve("second.csv"));
    assertThat(logins(drop)).as("fresh.csv is still not ready").containsExactly("done");
  }

  @Test
  void openFileReadsExactlyThatFile() {
    TestDropFolder drop = drop();
    at(drop.drop("one.csv", "id,username\nu1,one\n"), Duration.ofMinutes(2));
    Path two = at(drop.drop("two.csv", "id,username\nu2,two\n"), Duration.ofMinutes(1));

    RecordingSink sink = drop.read(EntryKind.USER, two, drop.settings());

    assertThat(sink.users()).extracting(SourceUser::login).containsExactly("two");
  }

  @Test
  void aManualRunWithoutAnyFileFails() {
    TestDropFolder drop = drop();
    try (DirectorySource source = drop.factory.open(drop.settings(), TestDropFolder.CONTEXT)) {
      assertThatThrownBy(() -> source.readAll(EntryKind.GROUP, new RecordingSink()))
          .isInstanceOf(SourceDataException.class)
          .hasMessageStartingWith("no file in drop folder");
    }
  }

  private java.util.List<String> logins(TestDropFolder drop) {
    RecordingSink sink = new RecordingSink();
    SourceContext context = new SourceContext("test-profile", clock);
    try (DirectorySource source = drop.factory.open(drop.settings(), context)) {
      source.readAll(EntryKind.USER, sink);
    }
    return sink.users().stream().map(SourceUser::login).toList();
  }
}
