package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.SourceDataException;

/** Testing a CSV profile checks the folder and the header of the file a run would read. */
class TestConnectionTest {

  @TempDir Path root;

  @Test
  void passesOnAnEmptyFolderAndOnAFileWithTheRequiredColumns() {
    TestDropFolder drop = new TestDropFolder(root);
    try (DirectorySource source = drop.factory.open(drop.settings(), TestDropFolder.CONTEXT)) {
      assertThatCode(source::testConnection).doesNotThrowAnyException();
    }
    drop.drop("people.csv", "id,username\n");
    try (DirectorySource source = drop.factory.open(drop.settings(), TestDropFolder.CONTEXT)) {
      assertThatCode(source::testConnection).doesNotThrowAnyException();
    }
  }

  @Test
  void failsNamingTheMissingColumnOfTheFileARunWouldRead() {
    TestDropFolder drop = new TestDropFolder(root);
    drop.drop("people.csv", "id,login\nu1,a\n");
    try (DirectorySource source = drop.factory.open(drop.settings(), TestDropFolder.CONTEXT)) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceDataException.class)
          .hasMessage("people.csv: missing column(s) 'username'; the header has 'id', 'login'");
    }
  }
}
