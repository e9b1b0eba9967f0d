package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceUser;
import org.roster.connector.testkit.RecordingSink;

/** A bad row is rejected alone, with its line and, when it has one, its match key. */
class BadRowsTest {

  @TempDir Path root;

  @Test
  void eachBadRowIsRejectedWithItsLineAndTheOthersAreRead() {
    RecordingSink sink =
        new TestDropFolder(root)
            .users(
                "id,username,email,status\n"
                    + "u1,alice,alice@example.org,active\n" // line 2
                    + " ,nokey,nokey@example.org,active\n" // line 3
                    + "u1,alice2,alice2@example.org,active\n" // line 4
                    + "u3,carol,x@,active\n" // line 5
                    + "u4,dave,dave@example.org,gone\n" // line 6
                    + "u5, ,e@example.org,active\n" // line 7
                    + "u6,frank,f@example.org\n" // line 8
                    + "u7,gina,g@example.org,active,extra\n" // line 9
                    + "u8,hank,\"h@exa\nmple.org\",active\n" // lines 10-11
                    + "u9,ivy,ivy@example.org,active\n"); // line 12

    assertThat(sink.users()).extracting(SourceUser::externalId).containsExactly("u1", "u9");
    assertThat(sink.users().get(1).location()).isEqualTo("id=u9");
    assertThat(sink.rejections())
        .allMatch(r -> r.kind() == EntryKind.USER)
        .extracting(RejectedEntry::location, RejectedEntry::externalId, RejectedEntry::reason)
        .containsExactly(
            tuple("line 3", Optional.empty(), "empty match key 'id'"),
            tuple("line 4", Optional.of("u1"), "duplicate match key 'u1' (first on line 2)"),
            tuple("line 5", Optional.of("u3"), "invalid email 'x@'"),
            tuple(
                "line 6", Optional.of("u4"), "unknown status 'gone' (expected active or disabled)"),
            tuple("line 7", Optional.of("u5"), "empty username"),
            tuple("line 8", Optional.of("u6"), "row has 3 fields, the header has 4"),
            tuple("line 9", Optional.of("u7"), "row has 5 fields, the header has 4"),
            tuple("line 10", Optional.of("u8"), "invalid email 'h@exa\nmple.org'"));
  }

  @Test
  void aDuplicateOfARejectedRowIsStillADuplicate() {
    RecordingSink sink =
        new TestDropFolder(root).users("id,username,email\nu1,a,bad@\nu1,b,b@example.org\n");

    assertThat(sink.users()).isEmpty();
    assertThat(sink.rejections())
        .extracting(RejectedEntry::reason)
        .containsExactly("invalid email 'bad@'", "duplicate match key 'u1' (first on line 2)");
  }

  @Test
  void customStatusValuesAreNamedInTheReason() {
    TestDropFolder drop = new TestDropFolder(root);
    Path file = drop.drop("people.csv", "id,username,status\nu1,a,maybe\n");

    RecordingSink sink =
        drop.read(
            EntryKind.USER, file, drop.settings("statusActive", "yes", "statusDisabled", "no"));

    assertThat(sink.rejections())
        .extracting(RejectedEntry::reason)
        .containsExactly("unknown status 'maybe' (expected yes or no)");
  }

  @Test
  void aSinkReturningFalseOnARejectionStopsTheRead() {
    TestDropFolder drop = new TestDropFolder(root);
    Path file = drop.drop("people.csv", "id,username\n,a\nu2,b\n");
    RecordingSink all = drop.read(EntryKind.USER, file, drop.settings());
    assertThat(all.rejections()).hasSize(1);
    assertThat(all.users()).hasSize(1);

    StoppingOnRejection sink = new StoppingOnRejection();
    try (var source = drop.open(file, drop.settings())) {
      source.readAll(EntryKind.USER, sink);
    }
    assertThat(sink.rejections).isEqualTo(1);
    assertThat(sink.accepted).isZero();
  }

  /** Asks to stop at the first rejection. */
  private static final class StoppingOnRejection implements org.roster.connector.api.EntrySink {
    int accepted;
    int rejections;

    @Override
    public boolean accept(org.roster.connector.api.SourceEntry entry) {
      accepted++;
      return true;
    }

    @Override
    public boolean reject(RejectedEntry rejected) {
      rejections++;
      return false;
    }
  }
}
