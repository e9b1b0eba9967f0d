package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bytes of PostgreSQL's binary COPY format; that the server takes them is the store contract's
 * part (StorePostgresIT).
 */
class CopyBinaryTest {
  @Test
  void startsWithTheHeaderAndEndsWithTheTrailer() {
    CopyBinary rows = new CopyBinary(4);
    rows.trailer();

    byte[] bytes = Arrays.copyOf(rows.bytes(), rows.size());
    assertThat(bytes)
        .containsExactly(
            'P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF,
            0xFF);
  }

  @Test
  void encodesEachValueWithItsLength() {
    UUID id = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    CopyBinary rows = new CopyBinary(8);
    rows.clear();
    rows.row(
        new Object[] {
          null, "tab\t\\N 😀", id, Boolean.TRUE, 7, 8L, Thread.State.NEW, Instant.EPOCH
        });

    ByteBuffer in = ByteBuffer.wrap(rows.bytes(), 0, rows.size());
    assertThat(in.getShort()).isEqualTo((short) 8);
    assertThat(in.getInt()).isEqualTo(-1);
    byte[] text = "tab\t\\N 😀".getBytes(StandardCharsets.UTF_8);
    assertThat(in.getInt()).isEqualTo(text.length);
    assertThat(bytes(in, text.length)).isEqualTo(text);
    assertThat(in.getInt()).isEqualTo(16);
    assertThat(in.getLong()).isEqualTo(id.getMostSignificantBits());
    assertThat(in.getLong()).isEqualTo(id.getLeastSignificantBits());
    assertThat(in.getInt()).isEqualTo(1);
    assertThat(in.get()).isEqualTo((byte) 1);
    assertThat(in.getInt()).isEqualTo(4);
    assertThat(in.getInt()).isEqualTo(7);
    assertThat(in.getInt()).isEqualTo(8);
    assertThat(in.getLong()).isEqualTo(8L);
    assertThat(in.getInt()).isEqualTo(3);
    assertThat(new String(bytes(in, 3), StandardCharsets.UTF_8)).isEqualTo("NEW");
    assertThat(in.getInt()).isEqualTo(8);
    assertThat(in.getLong()).isEqualTo(-946_684_800_000_000L);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void timestampsAreMicrosecondsSince2000TruncatedLikeTheBatchPath() {
    assertThat(micros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
    assertThat(micros(Instant.parse("2000-01-01T00:00:00.000001999Z"))).isEqualTo(1);
    assertThat(micros(Instant.parse("1999-12-31T23:59:59.999999999Z"))).isEqualTo(-1);
    Instant t = Instant.parse("2025-03-01T10:15:30.123456789Z");
    Duration since2000 =
        Duration.between(Instant.parse("2000-01-01T00:00:00Z"), Sql.timestamp(t).toInstant());
    assertThat(micros(t)).isEqualTo(since2000.toNanos() / 1000);
  }

  @Test
  void refusesATypeItHasNoFormFor() {
    assertThatThrownBy(() -> new CopyBinary(8).row(new Object[] {1.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
  }

  private static long micros(Instant t) {
    CopyBinary rows = new CopyBinary(8);
    rows.clear();
    rows.row(new Object[] {t});
    ByteBuffer in = ByteBuffer.wrap(rows.bytes(), 0, rows.size());
    in.getShort();
    assertThat(in.getInt()).isEqualTo(8);
    return in.getLong();
  }

  private static byte[] bytes(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }
}
