package org.roster.connector.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.RawSettings;
import org.roster.connector.testkit.DirectorySourceContract;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/**
 * The connector contract for CSV: seeding writes {@code people.csv} with the default header into
 * the drop folder. Groups exist through their members only; an empty file is refused.
 */
class CsvSourceContractTest extends DirectorySourceContract {

  @TempDir Path root;

  private TestDropFolder drop() {
    return new TestDropFolder(root);
  }

  @Override
  protected ConnectorFactory factory() {
    return new CsvConnectorFactory();
  }

  @Override
  protected void seed(List<TestPerson> people, List<TestGroup> groups) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord((Object[]) TestDropFolder.HEADER.split(","));
      for (TestPerson p : people) {
        printer.printRecord(
            p.id(),
            p.login(),
            p.email() == null ? "" : p.email(),
            p.givenName(),
            p.familyName(),
            p.displayName(),
            "",
            "",
            "",
            "",
            p.enabled() ? "active" : "disabled",
            String.join("|", p.groups()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    drop().drop("people.csv", out.toString());
  }

  @Override
  protected DirectorySource openSource() {
    return factory().open(drop().settings(), context());
  }

  /** The drop folder lies under a regular file: it can be neither read nor created. */
  @Override
  protected DirectorySource openUnreachableSource() {
    try {
      Path file = Files.writeString(root.resolve("not-a-folder"), "x");
      return factory()
          .open(
              factory()
                  .validate(
                      RawSettings.of(java.util.Map.of("folder", file.resolve("drop").toString()))),
              context());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Optional<DirectorySource> openSourceWithWrongCredentials() {
    return Optional.empty();
  }

  @Override
  protected Optional<String> expectedExternalId(TestPerson person) {
    return Optional.of(person.id());
  }

  @Override
  protected boolean rejectsAnEmptySnapshot() {
    return true;
  }
}
