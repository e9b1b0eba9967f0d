package org.roster.connector.testkit;

import static org.roster.connector.testkit.TestGroup.group;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The whole content of a directory as a contract test seeds it: people and groups. Immutable; every
 * {@code with…} returns a changed copy.
 *
 * @param people the people, each with a distinct id and login
 * @param groups the groups, each with a distinct id and name
 */
public record TestDirectory(List<TestPerson> people, List<TestGroup> groups) {

  public TestDirectory {
    people = List.copyOf(people);
    groups = List.copyOf(groups);
  }

  /** No people, no groups. */
  public static TestDirectory empty() {
    return new TestDirectory(List.of(), List.of());
  }

  /**
   * The standard fixture: five people (one disabled, one without mail and groups, non-ASCII names)
   * in three groups (one with a non-ASCII name). Every group has a member, because some sources
   * (CSV) know a group only through its members.
   */
  public static TestDirectory standard() {
    return new TestDirectory(
        List.of(
            TestPerson.person("p1", "alice")
                .named("Alice", "Archer")
                .inGroups("Engineering", "Équipe Support"),
            TestPerson.person("p2", "bob").named("Bob", "Baker").inGroups("Sales"),
            TestPerson.person("p3", "carol")
                .named("Carol", "Cruz")
                .inGroups("Engineering")
                .disabled(),
            TestPerson.person("p4", "dave").named("Dave", "Dunn").withEmail(null),
            TestPerson.person("p5", "zoe")
                .named("Zoë", "Ångström")
                .inGroups("Sales", "Équipe Support")),
        List.of(group("g1", "Engineering"), group("g2", "Sales"), group("g3", "Équipe Support")));
  }

  /** The person with this fixture id. */
  public TestPerson person(String id) {
    return people.stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no person '" + id + "'"));
  }

  /** A copy with this person added, or replacing the person with the same id in place. */
  public TestDirectory with(TestPerson person) {
    List<TestPerson> changed = new ArrayList<>(people);
    int at = indexOf(person.id());
    if (at < 0) {
      changed.add(person);
    } else {
      changed.set(at, person);
    }
    return new TestDirectory(changed, groups);
  }

  /** A copy without the person with this fixture id. */
  public TestDirectory without(String personId) {
    return new TestDirectory(
        people.stream().filter(p -> !p.id().equals(personId)).toList(), groups);
  }

  /** A copy with this group added (give it a member, too). */
  public TestDirectory with(TestGroup group) {
    List<TestGroup> changed = new ArrayList<>(groups);
    changed.add(group);
    return new TestDirectory(people, changed);
  }

  /** A copy without the group of this name; its members leave it. */
  public TestDirectory withoutGroup(String name) {
    List<TestPerson> changed =
        people.stream()
            .map(
                p ->
                    p.inGroups(
                        p.groups().stream().filter(g -> !g.equals(name)).toArray(String[]::new)))
            .toList();
    return new TestDirectory(changed, groups.stream().filter(g -> !g.name().equals(name)).toList());
  }

  private int indexOf(String personId) {
    for (int i = 0; i < people.size(); i++) {
      if (people.get(i).id().equals(personId)) {
        return i;
      }
    }
    return -1;
  }
}
