package org.roster.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format, buffered: a header, then per row the field count and
 * each field as its length (-1 for NULL) and its bytes, then a trailer (<a
 * href="https://www.postgresql.org/docs/current/sql-copy.html">COPY</a>, "Binary Format"). Values
 * are sent as the server stores them, so it parses nothing and nothing needs escaping: {@code
 * String} and {@code Enum} (its name) as UTF-8 for text columns, {@code UUID} as 16 bytes, {@code
 * Instant} as microseconds since 2000-01-01 UTC (truncated, as {@link Sql#timestamp}) for {@code
 * TIMESTAMP WITH TIME ZONE}, {@code Boolean} as one byte, {@code Integer} for {@code INTEGER},
 * {@code Long} for {@code BIGINT}. The Java type must fit the column's: the server refuses the
 * row otherwise.
 */
final class CopyBinary {
  private static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, // signature
    0, 0, 0, 0, // flags: no OIDs
    0, 0, 0, 0 // no header extension
  };
  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds since 1970. */
  private static final long PG_EPOCH_SECOND = 946_684_800L;

  private byte[] buffer;
  private int size;

  /** A buffer of about {@code capacity} bytes that starts with the header. */
  CopyBinary(int capacity) {
    buffer = new byte[Math.max(capacity, HEADER.length)];
    System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
    size = HEADER.length;
  }

  void row(Object[] values) {
    int16(values.length);
    for (Object value : values) {
      field(value);
    }
  }

  /** Ends the data; nothing may follow. */
  void trailer() {
    int16(-1);
  }

  byte[] bytes() {
    return buffer;
  }

  int size() {
    return size;
  }

  /** Forgets what was sent; the buffer keeps its capacity. */
  void clear() {
    size = 0;
  }

  private void field(Object value) {
    if (value == null) {
      int32(-1);
    } else if (value instanceof String s) {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof UUID u) {
      int32(16);
      int64(u.getMostSignificantBits());
      int64(u.getLeastSignificantBits());
    } else if (value instanceof Instant t) {
      int32(8);
      int64(Math.addExact(
          Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L),
          t.getNano() / 1_000));
    } else if (value instanceof Boolean b) {
      int32(1);
      ensure(1);
      buffer[size++] = (byte) (b ? 1 : 0);
    } else if (value instanceof Integer i) {
      int32(4);
      int32(i);
    } else if (value instanceof Long l) {
      int32(8);
      int64(l);
    } else if (value instanceof Enum<?> e) {
      bytes(e.name().getBytes(StandardCharsets.UTF_8));
    } else {
      throw new IllegalArgumentException("no binary COPY form for a " + value.getClass().getName());
    }
  }

  private void bytes(byte[] data) {
    int32(data.length);
    ensure(data.length);
    System.arraycopy(data, 0, buffer, size, data.length);
    size += data.length;
  }

  private void int16(int v) {
    ensure(2);
    buffer[size++] = (byte) (v >>> 8);
    buffer[size++] = (byte) v;
  }

  private void int32(int v) {
    ensure(4);
    buffer[size++] = (byte) (v >>> 24);
    buffer[size++] = (byte) (v >>> 16);
    buffer[size++] = (byte) (v >>> 8);
    buffer[size++] = (byte) v;
  }

  private void int64(long v) {
    int32((int) (v >>> 32));
    int32((int) v);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
