package org.roster.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;

class RecordingSinkTest {

  private static SourceUser user(String id, String login) {
    return new SourceUser(id, login, "line 2", true, Map.of(), Set.of());
  }

  @Test
  void recordsEntriesRejectionsAndDeletionsInOrder() {
    RecordingSink sink = new RecordingSink();
    SourceGroup group = new SourceGroup("g1", "Sales", "line 2", Set.of());
    RejectedEntry rejected =
        new RejectedEntry(EntryKind.USER, "line 3", Optional.of("u2"), "empty username");

    assertThat(sink.accept(group)).isTrue();
    assertThat(sink.accept(user("u1", "alice"))).isTrue();
    assertThat(sink.reject(rejected)).isTrue();
    assertThat(sink.deleted(EntryKind.USER, "u9")).isTrue();

    assertThat(sink.entries()).hasSize(2);
    assertThat(sink.groups()).containsExactly(group);
    assertThat(sink.users()).extracting(SourceUser::login).containsExactly("alice");
    assertThat(sink.usersByLogin()).containsOnlyKeys("alice");
    assertThat(sink.rejections()).containsExactly(rejected);
    assertThat(sink.deleted(EntryKind.USER)).containsExactly("u9");
    assertThat(sink.deleted(EntryKind.GROUP)).isEmpty();
    assertThat(sink.stopped()).isFalse();
  }

  @Test
  void stopsOnTheNthEntryAndCountsLaterCalls() {
    RecordingSink sink = RecordingSink.stoppingAfter(2);

    assertThat(sink.accept(user("u1", "a"))).isTrue();
    assertThat(sink.accept(user("u2", "b"))).isFalse();
    assertThat(sink.callsAfterStop()).isZero();
    assertThat(sink.accept(user("u3", "c"))).isFalse();
    assertThat(sink.deleted(EntryKind.USER, "u4")).isFalse();

    assertThat(sink.stopped()).isTrue();
    assertThat(sink.callsAfterStop()).isEqualTo(2);
  }

  @Test
  void refusesToStopBeforeTheFirstEntry() {
    assertThatThrownBy(() -> RecordingSink.stoppingAfter(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
