package org.roster.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** CSV fixtures in the connector's default header: people P001… with logins user001…. */
final class People {
  static final String HEADER =
      "id,username,email,given_name,family_name,display_name,title,department,company,phone,status,groups";
  private static final String[] DEPARTMENTS = {"Sales", "Engineering", "Support", "Finance"};

  /** One row of a file. */
  record Person(String id, String username, String email, String title, String department,
      String status, String groups) {

    Person renamed(String newUsername) {
      return new Person(id, newUsername, email, title, department, status, groups);
    }

    Person disabled() {
      return new Person(id, username, email, title, department, "disabled", groups);
    }

    Person withEmail(String newEmail) {
      return new Person(id, username, newEmail, title, department, status, groups);
    }

    Person withTitle(String newTitle) {
      return new Person(id, username, email, newTitle, department, status, groups);
    }

    String row() {
      String given = "Given" + id.substring(1);
      String family = "Family" + id.substring(1);
      return String.join(",", id, username, email, given, family, given + " " + family, title,
          department, "Example Corp", "+1 555 0" + id.substring(1), status, groups);
    }
  }

  private People() {}

  /** Person number {@code n}: active, in its department's group; every tenth also in Managers. */
  static Person person(int n) {
    String department = DEPARTMENTS[n % DEPARTMENTS.length];
    String login = String.format("user%03d", n);
    return new Person(String.format("P%03d", n), login, login + "@example.com", "Clerk", department,
        "active", n % 10 == 0 ? department + "|Managers" : department);
  }

  /** Persons {@code from} to {@code to}, both included. */
  static List<Person> range(int from, int to) {
    List<Person> people = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      people.add(person(n));
    }
    return people;
  }

  /** Replaces the person with this number. */
  static List<Person> change(List<Person> people, int n, UnaryOperator<Person> change) {
    String id = person(n).id();
    return people.stream().map(p -> p.id().equals(id) ? change.apply(p) : p).toList();
  }

  static String csv(List<Person> people) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    people.forEach(p -> b.append(p.row()).append('\n'));
    return b.toString();
  }
}
