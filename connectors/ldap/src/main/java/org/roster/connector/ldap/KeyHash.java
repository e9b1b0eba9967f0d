package org.roster.connector.ldap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Hashing of DN bytes for the open-addressing tables of membership look-ups. */
final class KeyHash {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private KeyHash() {}

  /** A hash of the bytes, eight at a time: DNs are long and a look-up hashes one each time. */
  static int of(byte[] bytes) {
    long h = bytes.length;
    int i = 0;
    for (; i <= bytes.length - Long.BYTES; i += Long.BYTES) {
      h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
    }
    for (; i < bytes.length; i++) {
      h = (h ^ bytes[i]) * 0x9E3779B97F4A7C15L;
    }
    return (int) (h ^ (h >>> 32));
  }

  /** The first slot to probe for a hash in a table of {@code mask + 1} slots. */
  static int slot(int hash, int mask) {
    int h = hash * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
