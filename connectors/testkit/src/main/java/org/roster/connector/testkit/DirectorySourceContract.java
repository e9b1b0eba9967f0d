package org.roster.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;

/**
 * What every {@link DirectorySource} does, whatever directory lies behind it. A connector's test
 * extends this class and only seeds data and opens sources; each case fails when the connector gets
 * its behaviour wrong.
 *
 * <p>JUnit makes a new instance per test method: give each one a fresh, empty directory
 * ({@code @TempDir}, a per-test base DN). Cases open and close their own sources. Connectors that
 * are {@link org.roster.connector.api.IncrementalSource}s extend {@link IncrementalSourceContract}
 * instead; the CSV connector is not incremental (each file is a full snapshot), so it extends this.
 */
public abstract class DirectorySourceContract {

  /** The factory of the connector under test. */
  protected abstract ConnectorFactory factory();

  /**
   * Makes the directory hold exactly these people and groups, replacing what an earlier call
   * seeded. A person or group whose fixture id was seeded before is the same directory entry,
   * changed in place (an LDAP modify or rename, not a delete and add) so that its source id stays.
   */
  protected abstract void seed(List<TestPerson> people, List<TestGroup> groups);

  /** A new source reading the seeded directory with good settings. */
  protected abstract DirectorySource openSource();

  /**
   * A new source whose directory cannot be reached: a port nobody listens on, a drop folder that
   * cannot be read or created.
   */
  protected abstract DirectorySource openUnreachableSource();

  /**
   * A new source whose credentials the directory refuses; empty for a connector without
   * credentials, which must then declare no {@link ConnectorFactory#secretSettings()}.
   */
  protected abstract Optional<DirectorySource> openSourceWithWrongCredentials();

  /**
   * The external id the connector must give a seeded person when the data decides it (the CSV match
   * column); empty (the default) when the directory assigns ids itself (LDAP entryUUID).
   */
  protected Optional<String> expectedExternalId(TestPerson person) {
    return Optional.empty();
  }

  /**
   * True when the connector refuses an empty directory as a whole with a {@link
   * SourceDataException}, as it documents (CSV: an empty file is likelier a broken export than
   * everyone gone). False by default: an empty directory reads as zero entries.
   */
  protected boolean rejectsAnEmptySnapshot() {
    return false;
  }

  /** The context sources are opened with. */
  protected SourceContext context() {
    return new SourceContext("contract-test", Clock.systemUTC());
  }

  @Test
  void factoryTypeIsALowerCaseWord() {
    assertThat(factory().type()).matches("[a-z][a-z0-9-]*");
  }

  @Test
  void validateRejectsEmptySettingsNamingTheSetting() {
    assertThatThrownBy(() -> factory().validate(RawSettings.of(Map.of())))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isNotBlank());
  }

  @Test
  void openRefusesAnotherConnectorsSettings() {
    ConnectorSettings foreign = new ConnectorSettings() {};
    assertThatThrownBy(() -> factory().open(foreign, context()))
        .isInstanceOf(InvalidSettingsException.class);
  }

  @Test
  void testConnectionSucceedsOnAGoodSource() {
    seed(TestDirectory.standard());
    try (DirectorySource source = openSource()) {
      assertThatCode(source::testConnection).doesNotThrowAnyException();
    }
  }

  @Test
  void anUnreachableSourceFailsAsUnavailableAndReadsNothing() {
    try (DirectorySource source = openUnreachableSource()) {
      assertThatThrownBy(source::testConnection).isInstanceOf(SourceUnavailableException.class);
      for (EntryKind kind : EntryKind.values()) {
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> source.readAll(kind, sink))
            .as("readAll(%s) of an unreachable source", kind)
            .isInstanceOf(SourceUnavailableException.class);
        assertThat(sink.entries()).isEmpty();
      }
    }
  }

  @Test
  void refusedCredentialsFailAsAuthenticationErrors() {
    Optional<DirectorySource> opened = openSourceWithWrongCredentials();
    if (opened.isEmpty()) {
      assertThat(factory().secretSettings())
          .as("a connector with secret settings must test refused credentials")
          .isEmpty();
      return;
    }
    seed(TestDirectory.standard());
    try (DirectorySource source = opened.get()) {
      assertThatThrownBy(source::testConnection).isInstanceOf(SourceAuthenticationException.class);
      RecordingSink sink = new RecordingSink();
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, sink))
          .isInstanceOf(SourceAuthenticationException.class);
      assertThat(sink.entries()).isEmpty();
    }
  }

  @Test
  void readsExactlyTheSeededGroupsThenUsers() {
    TestDirectory directory = TestDirectory.standard();
    seed(directory);
    readSnapshot().assertHolds(directory, this::expectedExternalId);
  }

  @Test
  void idsAreStableAcrossReads() {
    seed(TestDirectory.standard());
    Snapshot first = readSnapshot();
    Snapshot second = readSnapshot();
    assertThat(second.userIdsByLogin()).isEqualTo(first.userIdsByLogin());
    assertThat(second.groupNamesById()).isEqualTo(first.groupNamesById());
  }

  @Test
  void aSinkReturningFalseStopsTheReadPromptly() {
    seed(TestDirectory.standard());
    try (DirectorySource source = openSource()) {
      RecordingSink groups = RecordingSink.stoppingAfter(1);
      source.readAll(EntryKind.GROUP, groups);
      RecordingSink users = RecordingSink.stoppingAfter(2);
      source.readAll(EntryKind.USER, users);
      assertThat(groups.entries()).as("groups read after asking to stop at 1").hasSize(1);
      assertThat(users.entries()).as("users read after asking to stop at 2").hasSize(2);
      assertThat(groups.callsAfterStop() + users.callsAfterStop()).as("calls after stop").isZero();
    }
  }

  @Test
  void aRenamedPersonKeepsTheExternalId() {
    TestDirectory before = TestDirectory.standard();
    seed(before);
    String id = readSnapshot().user("bob").externalId();
    TestDirectory after = before.with(before.person("p2").withLogin("robert"));
    seed(after);
    Snapshot renamed = readSnapshot();
    assertThat(renamed.user("robert").externalId()).isEqualTo(id);
    assertThat(renamed.users().usersByLogin()).doesNotContainKey("bob");
    renamed.assertHolds(after, this::expectedExternalId);
  }

  @Test
  void aDisabledPersonReadsDisabledAndEnabledAgainReadsEnabled() {
    TestDirectory directory = TestDirectory.standard();
    seed(directory);
    String id = readSnapshot().user("alice").externalId();
    seed(directory.with(directory.person("p1").disabled()));
    SourceUser disabled = readSnapshot().user("alice");
    seed(directory);
    SourceUser enabled = readSnapshot().user("alice");
    assertThat(disabled.enabled()).as("alice after disabling").isFalse();
    assertThat(disabled.externalId()).isEqualTo(id);
    assertThat(enabled.enabled()).as("alice after enabling again").isTrue();
    assertThat(enabled.externalId()).isEqualTo(id);
  }

  @Test
  void anEmptyDirectoryReadsNoUsersOrIsRefusedAsAWhole() {
    seed(TestDirectory.empty());
    try (DirectorySource source = openSource()) {
      RecordingSink users = new RecordingSink();
      if (rejectsAnEmptySnapshot()) {
        assertThatThrownBy(() -> source.readAll(EntryKind.USER, users))
            .isInstanceOf(SourceDataException.class);
      } else {
        assertThatCode(() -> source.readAll(EntryKind.USER, users))
            .as("reading an empty directory")
            .doesNotThrowAnyException();
        assertThat(users.rejections()).isEmpty();
      }
      assertThat(users.entries()).isEmpty();
    }
  }

  @Test
  void closeCanBeCalledTwice() {
    seed(TestDirectory.standard());
    DirectorySource unused = openSource();
    assertThatCode(
            () -> {
              unused.close();
              unused.close();
            })
        .doesNotThrowAnyException();
    DirectorySource used = openSource();
    Snapshot.read(used);
    assertThatCode(
            () -> {
              used.close();
              used.close();
            })
        .doesNotThrowAnyException();
  }

  /** Seeds a whole directory. */
  protected final void seed(TestDirectory directory) {
    seed(directory.people(), directory.groups());
  }

  /** Opens a source, reads all groups then all users, and closes it. */
  final Snapshot readSnapshot() {
    try (DirectorySource source = openSource()) {
      return Snapshot.read(source);
    }
  }
}
