package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.SourceUser;

/** DESIGN rule 4 rests on this: the same entry hashes the same, any change hashes differently. */
class SourceHashTest {
  private static SourceUser user(String login, boolean enabled, Map<String, String> attrs, Set<String> groups) {
    return new SourceUser("id-1", login, "uid=" + login, enabled, attrs, groups);
  }

  @Test
  void theSameEntryHashesTheSameWhateverTheOrderOfItsMapsAndSets() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("email", "a@x.org");
    ab.put("title", "Clerk");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("title", "Clerk");
    ba.put("email", "a@x.org");
    assertThat(SourceHash.of(user("ann", true, ab, Set.of("g1", "g2"))))
        .isEqualTo(SourceHash.of(user("ann", true, ba, Set.of("g2", "g1"))));
  }

  @Test
  void everyKindOfChangeChangesTheHash() {
    SourceUser base = user("ann", true, Map.of("title", "Clerk"), Set.of("g1"));
    Set<String> hashes = new HashSet<>();
    hashes.add(SourceHash.of(base));
    hashes.add(SourceHash.of(user("anne", true, Map.of("title", "Clerk"), Set.of("g1"))));
    hashes.add(SourceHash.of(user("ann", false, Map.of("title", "Clerk"), Set.of("g1"))));
    hashes.add(SourceHash.of(user("ann", true, Map.of("title", "Clerk."), Set.of("g1"))));
    hashes.add(SourceHash.of(user("ann", true, Map.of("titl", "eClerk"), Set.of("g1"))));
    hashes.add(SourceHash.of(user("ann", true, Map.of("title", "Clerk"), Set.of("g1", "g2"))));
    hashes.add(SourceHash.of(user("ann", true, Map.of("title", "Clerk"), Set.of())));
    hashes.add(SourceHash.of(new SourceUser("id-1", "ann", "uid=ann,ou=moved", true, Map.of("title", "Clerk"), Set.of("g1"))));
    assertThat(hashes).hasSize(8);
  }

  @Test
  void aMillionSmallVariationsDoNotCollide() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      seen.add(SourceHash.digest("user" + i + "\u0000title" + (i % 7)));
    }
    assertThat(seen).hasSize(1_000_000);
  }
}
