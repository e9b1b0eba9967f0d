package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceUser;
import org.roster.connector.testkit.RecordingSink;

/** A file of 20,000 rows streams through without holding its entries. */
class LargeFileTest {
  private static final int ROWS = 20_000;

  @TempDir Path root;

  @Test
  void twentyThousandRowsStream() throws Exception {
    TestDropFolder drop = new TestDropFolder(root);
    Path file = drop.drop("people.csv", "");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(TestDropFolder.HEADER + "\r\n");
      for (int i = 1; i <= ROWS; i++) {
        out.write(
            "u%d,user%d,user%d@example.org,Given%d,Family,\"Family, Given%d\",,Dept %d,ACME,,%s,Team %d|All\r\n"
                .formatted(i, i, i, i, i, i % 50, i % 10 == 0 ? "disabled" : "active", i % 100));
      }
    }
    TestDropFolder.modified(file, java.time.Instant.now().minusSeconds(60));

    CountingSink users = new CountingSink();
    RecordingSink groups = new RecordingSink();
    try (DirectorySource source = drop.open(file, drop.settings())) {
      source.readAll(EntryKind.GROUP, groups);
      source.readAll(EntryKind.USER, users);
    }

    assertThat(groups.groups()).hasSize(101);
    assertThat(users.users.get()).isEqualTo(ROWS);
    assertThat(users.disabled.get()).isEqualTo(ROWS / 10);
    assertThat(users.rejected.get()).isZero();
    assertThat(users.last.location()).isEqualTo("id=u" + ROWS);
    assertThat(users.last.attribute("displayName")).isEqualTo("Family, Given" + ROWS);
  }

  /** Counts users instead of keeping them. */
  private static final class CountingSink implements EntrySink {
    final AtomicInteger users = new AtomicInteger();
    final AtomicInteger disabled = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    SourceUser last;

    @Override
    public boolean accept(SourceEntry entry) {
      last = (SourceUser) entry;
      users.incrementAndGet();
      if (!last.enabled()) {
        disabled.incrementAndGet();
      }
      return true;
    }

    @Override
    public boolean reject(RejectedEntry entry) {
      rejected.incrementAndGet();
      return true;
    }
  }
}
