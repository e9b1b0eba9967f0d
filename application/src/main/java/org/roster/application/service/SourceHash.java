package org.roster.application.service;

import java.util.Arrays;
import java.util.Base64;
import java.nio.ByteBuffer;
import org.roster.connector.api.SourceUser;

/**
 * A fingerprint of what a source said about a user. Equal fingerprints mean nothing the sync
 * reads changed, so the entry is skipped without touching the store.
 *
 * <p>It is computed for every entry of every run, so it is a fast 128-bit hash over the entry's
 * characters (two independent 64-bit lanes), not a cryptographic digest: it only has to tell a
 * changed entry from the same entry, and two different states of one user colliding in 128 bits
 * is not a practical concern. The fields are separated by characters that cannot occur in them
 * unescaped (NUL, SOH), so adjacent fields cannot run into each other.
 */
final class SourceHash {
  private static final long M1 = 0x9E3779B97F4A7C15L;
  private static final long M2 = 0xC2B2AE3D27D4EB4FL;

  private long a = 0x243F6A8885A308D3L;
  private long b = 0x13198A2E03707344L;

  private SourceHash() {}

  static String of(SourceUser user) {
    SourceHash h = new SourceHash();
    h.add(user.login()).add('\u0000').add(user.enabled() ? "1" : "0").add('\u0000')
        .add(user.location()).add('\u0000');
    String[] keys = user.attributes().keySet().toArray(new String[0]);
    Arrays.sort(keys);
    for (String k : keys) {
      h.add(k).add('=').add(user.attributes().get(k)).add('\u0000');
    }
    String[] groups = user.groupIds().toArray(new String[0]);
    Arrays.sort(groups);
    for (String g : groups) {
      h.add(g).add('\u0001');
    }
    return h.value();
  }

  /** A fingerprint of any text (profile settings, the group graph). */
  static String digest(String text) {
    return new SourceHash().add(text).value();
  }

  private SourceHash add(String s) {
    for (int i = 0; i < s.length(); i++) {
      add(s.charAt(i));
    }
    return this;
  }

  private SourceHash add(char c) {
    a = (a ^ c) * M1;
    a ^= a >>> 29;
    b = (b + c) * M2;
    b ^= b >>> 31;
    return this;
  }

  private String value() {
    long x = mix(a ^ (b >>> 7));
    long y = mix(b ^ (a << 3));
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(ByteBuffer.allocate(16).putLong(x).putLong(y).array());
  }

  /** The murmur3 finaliser: spreads every input bit over the whole word. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
