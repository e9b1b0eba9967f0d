package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.DroppedFile;

/** Settling moves a file that was read out of the way with its report, and never overwrites. */
class SettleTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path root;

  private TestDropFolder drop() {
    return new TestDropFolder(root, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static DroppedFile settle(
      TestDropFolder drop, Path file, boolean applied, String report) {
    return drop.factory.settle(drop.settings(), TestDropFolder.found(file), applied, report);
  }

  @Test
  void anAppliedFileGoesToProcessedWithItsReport() throws Exception {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id,username\nu1,a\n");

    DroppedFile settled = settle(drop, file, true, "2 imported");

    Path processed = drop.folder.resolve("processed").resolve("people.csv");
    assertThat(settled.path()).isEqualTo(processed);
    assertThat(settled.size()).isEqualTo(17);
    assertThat(file).doesNotExist();
    assertThat(processed).hasContent("id,username\nu1,a");
    assertThat(drop.folder.resolve("processed").resolve("people.csv.report.txt"))
        .hasContent("2 imported");
    assertThat(drop.factory.lastProcessed(drop.settings())).hasValue(settled);
  }

  @Test
  void aRejectedFileGoesToFailed() {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id\n");

    DroppedFile settled = settle(drop, file, false, "missing column(s) 'username'");

    assertThat(settled.path()).isEqualTo(drop.folder.resolve("failed").resolve("people.csv"));
    assertThat(drop.folder.resolve("failed").resolve("people.csv.report.txt"))
        .hasContent("missing column(s) 'username'");
    assertThat(drop.factory.lastProcessed(drop.settings())).isEmpty();
  }

  @Test
  void aNameAlreadyTakenGetsATimestampAndNothingIsOverwritten() {
    TestDropFolder drop = drop();
    DroppedFile first = settle(drop, drop.drop("people.csv", "first"), true, "report 1");
    DroppedFile second = settle(drop, drop.drop("people.csv", "second"), true, "report 2");
    DroppedFile third = settle(drop, drop.drop("people.csv", "third"), true, "report 3");

    Path processed = drop.folder.resolve("processed");
    assertThat(first.path()).hasFileName("people.csv").hasContent("first");
    assertThat(second.path()).hasFileName("people-20260301T100000Z.csv").hasContent("second");
    assertThat(third.path()).hasFileName("people-20260301T100000Z-2.csv").hasContent("third");
    assertThat(processed.resolve("people.csv.report.txt")).hasContent("report 1");
    assertThat(processed.resolve("people-20260301T100000Z.csv.report.txt")).hasContent("report 2");
    assertThat(processed.resolve("people-20260301T100000Z-2.csv.report.txt"))
        .hasContent("report 3");
  }

  @Test
  void aFileAlreadyProcessedStaysAndItsReportGrows() throws Exception {
    TestDropFolder drop = drop();
    DroppedFile settled =
        settle(drop, drop.drop("people.csv", "id,username\nu1,a\n"), true, "run 1");

    DroppedFile again = drop.factory.settle(drop.settings(), settled, false, "run 2");

    assertThat(again.path()).isEqualTo(settled.path()).exists();
    assertThat(drop.folder.resolve("failed")).isEmptyDirectory();
    assertThat(Files.readString(drop.folder.resolve("processed").resolve("people.csv.report.txt")))
        .startsWith("run 1")
        .endsWith("run 2");
  }

  @Test
  void onlyTheNewestKeepFilesStayWithTheirReports() throws Exception {
    TestDropFolder drop = drop();
    Path processed = drop.folder.resolve("processed");
    for (int i = 1; i <= 4; i++) {
      DroppedFile settled = drop.factory.settle(drop.settings(CsvSettings.KEEP_FILES, 2),
          TestDropFolder.found(drop.drop("people-" + i + ".csv", "file " + i)), true, "report " + i);
      // each settled file is a minute newer than the one before
      Files.setLastModifiedTime(settled.path(),
          java.nio.file.attribute.FileTime.from(NOW.plusSeconds(60L * i)));
    }

    try (var left = Files.list(processed)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
          "people-3.csv", "people-3.csv.report.txt", "people-4.csv", "people-4.csv.report.txt");
    }
    assertThat(drop.factory.lastProcessed(drop.settings()).orElseThrow().path())
        .hasFileName("people-4.csv");
  }

  @Test
  void keepFilesZeroKeepsEverything() {
    TestDropFolder drop = drop();
    for (int i = 1; i <= 3; i++) {
      drop.factory.settle(drop.settings(CsvSettings.KEEP_FILES, 0),
          TestDropFolder.found(drop.drop("p" + i + ".csv", "x")), false, "r");
    }
    assertThat(drop.folder.resolve("failed").toFile().list()).hasSize(6);
  }
}
