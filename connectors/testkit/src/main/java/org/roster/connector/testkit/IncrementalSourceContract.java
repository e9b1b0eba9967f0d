package org.roster.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;
import org.roster.connector.api.UserFields;

/**
 * What an {@link IncrementalSource} does on top of {@link DirectorySourceContract}: a token taken
 * before changes lets a later run read exactly those changes, deletions included. Only incremental
 * connectors (LDAP, Entra ID, Okta) extend this; the CSV connector does not.
 *
 * <p>{@link #seed} must make its changes visible as later than any token taken before it: a source
 * whose watermark is a timestamp may have to wait out its clock's resolution.
 */
public abstract class IncrementalSourceContract extends DirectorySourceContract {

  @Test
  void theSourceIsIncremental() {
    try (DirectorySource source = openSource()) {
      assertThat(source).isInstanceOf(IncrementalSource.class);
    }
  }

  @Test
  void userChangesAndDeletionsAfterTheTokenAreRead() {
    TestDirectory before = TestDirectory.standard();
    seed(before);
    SyncToken token = currentToken();
    Snapshot full = readSnapshot();
    seed(
        before
            .with(before.person("p2").withEmail("robert.baker@example.org"))
            .with(TestPerson.person("p6", "erin").inGroups("Sales"))
            .without("p4"));
    RecordingSink changes = readChanges(EntryKind.USER, token);
    assertThat(changes.entries()).allMatch(SourceUser.class::isInstance);
    assertThat(changes.usersByLogin()).containsKeys("bob", "erin").doesNotContainKey("alice");
    assertThat(changes.usersByLogin().get("bob").attribute(UserFields.EMAIL))
        .isEqualTo("robert.baker@example.org");
    assertThat(changes.usersByLogin().get("bob").externalId())
        .isEqualTo(full.user("bob").externalId());
    assertThat(changes.deleted(EntryKind.USER)).containsExactly(full.user("dave").externalId());
  }

  @Test
  void groupChangesAndDeletionsAfterTheTokenAreRead() {
    TestDirectory before = TestDirectory.standard();
    seed(before);
    SyncToken token = currentToken();
    String salesId = readSnapshot().groupId("Sales");
    TestDirectory after = before.withoutGroup("Sales").with(TestGroup.group("g4", "Contractors"));
    seed(after.with(after.person("p2").inGroups("Contractors")));
    RecordingSink changes = readChanges(EntryKind.GROUP, token);
    assertThat(changes.entries()).allMatch(SourceGroup.class::isInstance);
    assertThat(changes.groups()).extracting(SourceGroup::name).contains("Contractors");
    assertThat(changes.deleted(EntryKind.GROUP)).containsExactly(salesId);
  }

  @Test
  void theReturnedTokenIsWhereTheNextReadStarts() {
    TestDirectory directory = TestDirectory.standard();
    seed(directory);
    SyncToken first = currentToken();
    directory = directory.with(directory.person("p2").named("Bob", "Brewer"));
    seed(directory);
    SyncToken second = readChangesReturningToken(first);
    seed(directory.with(directory.person("p1").named("Alice", "Abbott")));
    RecordingSink changes = readChanges(EntryKind.USER, second);
    assertThat(changes.usersByLogin()).containsKey("alice").doesNotContainKey("bob");
    assertThat(changes.usersByLogin().get("alice").attribute(UserFields.FAMILY_NAME))
        .isEqualTo("Abbott");
  }

  @Test
  void aSinkReturningFalseStopsReadingChanges() {
    TestDirectory before = TestDirectory.standard();
    seed(before);
    SyncToken token = currentToken();
    seed(before.with(TestPerson.person("p6", "erin")).with(TestPerson.person("p7", "frank")));
    try (IncrementalSource source = openIncrementalSource()) {
      RecordingSink sink = RecordingSink.stoppingAfter(1);
      source.readChanges(EntryKind.USER, token, sink);
      assertThat(sink.entries()).hasSize(1);
      assertThat(sink.callsAfterStop()).isZero();
    }
  }

  @Test
  void aTokenTheSourceCannotUseAsksForAFullSync() {
    seed(TestDirectory.standard());
    try (IncrementalSource source = openIncrementalSource()) {
      assertThatThrownBy(
              () ->
                  source.readChanges(
                      EntryKind.USER, new SyncToken("not-a-token"), new RecordingSink()))
          .isInstanceOf(FullSyncRequiredException.class);
    }
  }

  /** Opens a source and fails the case when it is not incremental. */
  protected final IncrementalSource openIncrementalSource() {
    DirectorySource source = openSource();
    if (source instanceof IncrementalSource incremental) {
      return incremental;
    }
    source.close();
    throw new AssertionError(source.getClass().getName() + " is not an IncrementalSource");
  }

  private SyncToken currentToken() {
    try (IncrementalSource source = openIncrementalSource()) {
      SyncToken token = source.currentToken();
      assertThat(token).as("currentToken()").isNotNull();
      return token;
    }
  }

  private RecordingSink readChanges(EntryKind kind, SyncToken since) {
    try (IncrementalSource source = openIncrementalSource()) {
      RecordingSink sink = new RecordingSink();
      assertThat(source.readChanges(kind, since, sink))
          .as("token returned by readChanges")
          .isNotNull();
      return sink;
    }
  }

  private SyncToken readChangesReturningToken(SyncToken since) {
    try (IncrementalSource source = openIncrementalSource()) {
      SyncToken next = source.readChanges(EntryKind.USER, since, new RecordingSink());
      assertThat(next).as("token returned by readChanges").isNotNull();
      return next;
    }
  }
}
