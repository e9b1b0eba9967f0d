package org.roster.connector.testkit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** A directory held in memory that numbers every change, for the fake incremental source. */
final class InMemoryDirectory {

  /** A value and the change number that last wrote it. */
  record Versioned<T>(T value, long version) {}

  private long version;
  private final Map<String, Versioned<TestPerson>> people = new LinkedHashMap<>();
  private final Map<String, Versioned<TestGroup>> groups = new LinkedHashMap<>();
  private final Map<String, Long> deletedPeople = new HashMap<>();
  private final Map<String, Long> deletedGroups = new HashMap<>();

  void seed(List<TestPerson> newPeople, List<TestGroup> newGroups) {
    apply(people, deletedPeople, newPeople, TestPerson::id);
    apply(groups, deletedGroups, newGroups, TestGroup::id);
  }

  long version() {
    return version;
  }

  Map<String, Versioned<TestPerson>> people() {
    return people;
  }

  Map<String, Versioned<TestGroup>> groups() {
    return groups;
  }

  Map<String, Long> deletedPeople() {
    return deletedPeople;
  }

  Map<String, Long> deletedGroups() {
    return deletedGroups;
  }

  private <T> void apply(
      Map<String, Versioned<T>> current,
      Map<String, Long> deleted,
      List<T> wanted,
      Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    wanted.forEach(t -> byId.put(id.apply(t), t));
    for (String gone : List.copyOf(current.keySet())) {
      if (!byId.containsKey(gone)) {
        current.remove(gone);
        deleted.put(gone, ++version);
      }
    }
    byId.forEach(
        (key, value) -> {
          Versioned<T> old = current.get(key);
          if (old == null || !Objects.equals(old.value(), value)) {
            current.put(key, new Versioned<>(value, ++version));
            deleted.remove(key);
          }
        });
  }
}
