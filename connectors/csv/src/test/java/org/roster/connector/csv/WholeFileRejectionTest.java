package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.testkit.RecordingSink;

/** A file unusable as a whole fails the read, before any entry whenever that can be known. */
class WholeFileRejectionTest {

  @TempDir Path root;

  private TestDropFolder drop() {
    return new TestDropFolder(root);
  }

  private void assertRefused(TestDropFolder drop, Path file, CsvSettings settings, String message) {
    for (EntryKind kind : EntryKind.values()) {
      RecordingSink sink = new RecordingSink();
      try (DirectorySource source = drop.open(file, settings)) {
        assertThatThrownBy(() -> source.readAll(kind, sink))
            .isInstanceOf(SourceDataException.class)
            .hasMessageContaining(message);
      }
      assertThat(sink.entries()).as("%s read before failing", kind).isEmpty();
    }
  }

  @Test
  void missingRequiredColumnsAreNamed() {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "ID,login,groups\nu1,a,Sales\n");

    assertRefused(drop, file, drop.settings(), "people.csv: missing column(s) 'username'");
    assertRefused(
        drop, file, drop.settings("matchColumn", "uid"), "missing column(s) 'uid', 'username'");
  }

  @Test
  void everyColumnOfAnExplicitMappingIsRequired() {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id,user\nu1,a\n");
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("user", "login");
    mapping.put("mail", "email");
    mapping.put("dept", "department");
    CsvSettings settings = drop.settings("mapping", mapping);

    assertRefused(drop, file, settings, "missing column(s) 'mail', 'dept'");
  }

  @Test
  void aMappedColumnTwiceIsRefused() {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id,username,Email,email \nu1,a,x@y.z,x@y.z\n");

    assertRefused(drop, file, drop.settings(), "column(s) 'email' appear more than once");
  }

  @Test
  void anEmptyFileOrAHeaderWithoutRowsIsRefused() {
    TestDropFolder drop = drop();
    String refusal = "has no rows; refusing to treat an empty snapshot as 'everyone deleted'";

    assertRefused(drop, drop.drop("empty.csv", ""), drop.settings(), "empty.csv " + refusal);
    assertRefused(
        drop, drop.drop("header.csv", TestDropFolder.HEADER + "\r\n"), drop.settings(), refusal);
    assertRefused(drop, drop.drop("blank.csv", "id,username\n\n,\n \n"), drop.settings(), refusal);
    assertRefused(drop, drop.drop("bom.csv", "\uFEFF"), drop.settings(), refusal);
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNamingTheirLine() {
    TestDropFolder drop = drop();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        "id,username,family_name\nu1,a,Archer\nu2,b,Baker\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("u3,c,M".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFC); // 'ü' in ISO-8859-1, malformed in UTF-8
    bytes.writeBytes("ller\nu4,d,Dunn\n".getBytes(StandardCharsets.UTF_8));
    Path file = drop.drop("latin1.csv", bytes.toByteArray());

    RecordingSink sink = new RecordingSink();
    try (DirectorySource source = drop.open(file, drop.settings())) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, sink))
          .isInstanceOf(SourceDataException.class)
          .hasMessage("latin1.csv is not valid UTF-8 text at line 4; check the 'encoding' setting");
    }
    assertThat(sink.users())
        .as("rows before the bad line, which the engine will not apply")
        .hasSize(2);
  }

  @Test
  void anUndecodableHeaderIsRefusedBeforeAnyEntry() {
    TestDropFolder drop = drop();
    Path file = drop.drop("bad.csv", new byte[] {'i', 'd', ',', (byte) 0xC3, '\n', 'u', '1', '\n'});

    assertRefused(drop, file, drop.settings(), "not valid UTF-8 text at line 1");
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id,username,title\nu1,a,\"Boss\nu2,b,Clerk\n");

    assertRefused(drop, file, drop.settings(), "people.csv is not well-formed CSV");
  }

  @Test
  void aMissingFileIsUnavailable() throws Exception {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id,username\nu1,a\n");
    CsvSettings settings = drop.settings();
    DirectorySource source = drop.open(file, settings);
    Files.delete(file);

    assertThatThrownBy(source::testConnection)
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining(file.toString());
    source.close();
  }

  @Test
  void aFileChangedSinceItWasFoundIsUnavailableSoTheRunIsRetried() throws Exception {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id,username\nu1,a\n");
    DirectorySource source = drop.open(file, drop.settings());
    Files.writeString(file, "u2,b\n", java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
        .isInstanceOfSatisfying(
            SourceUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("changed since it was found");
    source.close();
  }

  @Test
  void aFolderWithoutAnyFileHasNothingToRead() {
    TestDropFolder drop = drop();
    try (DirectorySource source = drop.factory.open(drop.settings(), TestDropFolder.CONTEXT)) {
      source.testConnection();
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
          .isInstanceOf(SourceDataException.class)
          .hasMessage("no file in drop folder " + drop.folder);
    }
  }
}
