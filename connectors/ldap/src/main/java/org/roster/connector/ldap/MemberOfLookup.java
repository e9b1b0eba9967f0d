package org.roster.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Remembers which group position each {@code memberOf} value resolved to, keyed by the value's
 * exact bytes as read. AD and OpenLDAP write {@code memberOf} in the form of the group entry's DN,
 * so every user of a group carries the same bytes: only the first is decoded and looked up by its
 * {@link DnKey}, the others are a hash of the bytes and one comparison. Values that name no profile
 * group are remembered too (-1). Grows with the distinct values seen; not thread-safe.
 */
final class MemberOfLookup {
  private final ToIntFunction<String> positionOfDn;
  private byte[][] keys = new byte[1024][];
  private int[] hashes = new int[1024];
  private int[] positions = new int[1024];
  private int size;

  /**
   * @param positionOfDn the position of the group with a DN string, or -1
   */
  MemberOfLookup(ToIntFunction<String> positionOfDn) {
    this.positionOfDn = positionOfDn;
  }

  /** The position of the group this value names, or -1; what {@code positionOfDn} says. */
  int positionOf(ASN1OctetString value) {
    byte[] bytes = value.getValue();
    int hash = KeyHash.of(bytes);
    int mask = keys.length - 1;
    int s = KeyHash.slot(hash, mask);
    for (byte[] key = keys[s]; key != null; key = keys[s]) {
      if (hashes[s] == hash && Arrays.equals(key, bytes)) {
        return positions[s];
      }
      s = (s + 1) & mask;
    }
    int position = positionOfDn.applyAsInt(value.stringValue());
    keys[s] = bytes;
    hashes[s] = hash;
    positions[s] = position;
    if (++size * 2 > keys.length) {
      grow();
    }
    return position;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldPositions = positions;
    keys = new byte[oldKeys.length * 2][];
    hashes = new int[keys.length];
    positions = new int[keys.length];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int s = KeyHash.slot(oldHashes[i], mask);
        while (keys[s] != null) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[i];
        hashes[s] = oldHashes[i];
        positions[s] = oldPositions[i];
      }
    }
  }
}
