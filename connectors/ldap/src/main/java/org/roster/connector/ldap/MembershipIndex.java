package org.roster.connector.ldap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Member DN (a {@link DnKey}) to the positions of the groups that list it, built while groups are
 * read. Big directories list hundreds of thousands of member values, and every look-up lands at a
 * random place, so it is kept in a few flat arrays rather than a map of strings to small arrays:
 * the keys' UTF-8 bytes one after the other, an open-addressing table of member numbers (members
 * numbered as first listed), and each member's groups as a chain of links, newest first.
 */
final class MembershipIndex {
  private static final int[] NONE = new int[0];

  /**
   * The hash table, two ints a slot (one cache line for both): member number + 1 (0: empty) and the
   * member's hash, compared before the key.
   */
  private int[] slots = new int[2 * 1024];

  /** The members' keys, one after the other; member m's from {@code keyStart[m]} on. */
  private byte[] keyBytes = new byte[16 * 1024];

  private int[] keyStart = new int[257];

  /** By member number: its newest link (-1: none). */
  private int[] newestLink = new int[256];

  private int members;

  /** By link: the group's position and the member's previous link (-1: none). */
  private int[] linkGroup = new int[1024];

  private int[] linkNext = new int[1024];
  private int links;

  /** Records that the group at {@code group} lists {@code memberKey}. */
  void add(String memberKey, int group) {
    add(memberKey.getBytes(StandardCharsets.UTF_8), group);
  }

  /** Records that the group at {@code group} lists the member whose key has these UTF-8 bytes. */
  void add(byte[] memberKey, int group) {
    int hash = KeyHash.of(memberKey);
    int member = find(memberKey, hash);
    if (member < 0) {
      member = insert(memberKey, hash, -member - 1);
    } else {
      for (int l = newestLink[member]; l >= 0; l = linkNext[l]) {
        if (linkGroup[l] == group) {
          return;
        }
      }
    }
    if (links == linkGroup.length) {
      linkGroup = Arrays.copyOf(linkGroup, links * 2);
      linkNext = Arrays.copyOf(linkNext, links * 2);
    }
    linkGroup[links] = group;
    linkNext[links] = newestLink[member];
    newestLink[member] = links++;
  }

  /** The positions of the groups that list this member, in the order added; empty when none. */
  int[] groupsOf(String memberKey) {
    byte[] key = memberKey.getBytes(StandardCharsets.UTF_8);
    int member = find(key, KeyHash.of(key));
    if (member < 0) {
      return NONE;
    }
    int count = 0;
    for (int l = newestLink[member]; l >= 0; l = linkNext[l]) {
      count++;
    }
    int[] groups = new int[count];
    for (int l = newestLink[member]; l >= 0; l = linkNext[l]) {
      groups[--count] = linkGroup[l];
    }
    return groups;
  }

  /**
   * Hands on every member listed by one of the groups at these positions, once, in the order the
   * members were first listed.
   */
  void forEachMemberOf(Set<Integer> positions, Consumer<String> consumer) {
    for (int m = 0; m < members; m++) {
      for (int l = newestLink[m]; l >= 0; l = linkNext[l]) {
        if (positions.contains(linkGroup[l])) {
          consumer.accept(
              new String(
                  keyBytes, keyStart[m], keyStart[m + 1] - keyStart[m], StandardCharsets.UTF_8));
          break;
        }
      }
    }
  }

  /**
   * Hands on every listing of a member by one of the groups at these positions: the member's key
   * and the group's position.
   */
  void forEachListing(Set<Integer> positions, BiConsumer<String, Integer> consumer) {
    for (int m = 0; m < members; m++) {
      String key = null;
      for (int l = newestLink[m]; l >= 0; l = linkNext[l]) {
        if (positions.contains(linkGroup[l])) {
          if (key == null) {
            key =
                new String(
                    keyBytes, keyStart[m], keyStart[m + 1] - keyStart[m], StandardCharsets.UTF_8);
          }
          consumer.accept(key, linkGroup[l]);
        }
      }
    }
  }

  int size() {
    return members;
  }

  /** The member's number, or -(slot + 1) of the empty slot where it would go. */
  private int find(byte[] key, int hash) {
    int mask = slots.length / 2 - 1;
    for (int s = KeyHash.slot(hash, mask); ; s = (s + 1) & mask) {
      int entry = slots[2 * s];
      if (entry == 0) {
        return -s - 1;
      }
      if (slots[2 * s + 1] == hash) {
        int m = entry - 1;
        if (Arrays.equals(keyBytes, keyStart[m], keyStart[m + 1], key, 0, key.length)) {
          return m;
        }
      }
    }
  }

  private int insert(byte[] key, int hash, int slot) {
    if (members == newestLink.length) {
      newestLink = Arrays.copyOf(newestLink, members * 2);
      keyStart = Arrays.copyOf(keyStart, members * 2 + 1);
    }
    int start = keyStart[members];
    if (start + key.length > keyBytes.length) {
      keyBytes = Arrays.copyOf(keyBytes, Math.max(keyBytes.length * 2, start + key.length));
    }
    System.arraycopy(key, 0, keyBytes, start, key.length);
    int member = members++;
    keyStart[members] = start + key.length;
    newestLink[member] = -1;
    slots[2 * slot] = member + 1;
    slots[2 * slot + 1] = hash;
    if (members * 4 > slots.length) {
      rehash();
    }
    return member;
  }

  /** Doubles the table, keeping it at most half full. */
  private void rehash() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length / 2 - 1;
    for (int s = 0; s < old.length; s += 2) {
      if (old[s] != 0) {
        int t = KeyHash.slot(old[s + 1], mask);
        while (slots[2 * t] != 0) {
          t = (t + 1) & mask;
        }
        slots[2 * t] = old[s];
        slots[2 * t + 1] = old[s + 1];
      }
    }
  }
}
