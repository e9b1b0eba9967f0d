package org.roster.connector.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A person as a contract test seeds it, in terms every directory can hold.
 *
 * @param id the fixture's key of the person: the same id in a later seed is the same directory
 *     entry (changed in place); a connector whose directory assigns ids itself keeps its own map
 * @param login the login name (LDAP {@code uid}/{@code sAMAccountName}, the CSV username)
 * @param email the mail address, or null when the person has none
 * @param givenName the first name
 * @param familyName the last name
 * @param enabled false when the account is disabled in the directory
 * @param groups names of the groups ({@link TestGroup#name()}) the person is a direct member of
 */
public record TestPerson(
    String id,
    String login,
    String email,
    String givenName,
    String familyName,
    boolean enabled,
    List<String> groups) {

  public TestPerson {
    requireNotBlank(id, "id");
    requireNotBlank(login, "login");
    requireNotBlank(givenName, "givenName");
    requireNotBlank(familyName, "familyName");
    groups = List.copyOf(Objects.requireNonNull(groups, "'groups' must not be null"));
  }

  /** An enabled person in no group, named after the login, with a mail at example.org. */
  public static TestPerson person(String id, String login) {
    String given = login.substring(0, 1).toUpperCase(Locale.ROOT) + login.substring(1);
    return new TestPerson(id, login, login + "@example.org", given, "Tester", true, List.of());
  }

  /** The name a directory shows for the person: given and family name. */
  public String displayName() {
    return givenName + " " + familyName;
  }

  public TestPerson withLogin(String newLogin) {
    return new TestPerson(id, newLogin, email, givenName, familyName, enabled, groups);
  }

  /** The same person with another mail address; null for none. */
  public TestPerson withEmail(String newEmail) {
    return new TestPerson(id, login, newEmail, givenName, familyName, enabled, groups);
  }

  public TestPerson named(String newGivenName, String newFamilyName) {
    return new TestPerson(id, login, email, newGivenName, newFamilyName, enabled, groups);
  }

  public TestPerson disabled() {
    return new TestPerson(id, login, email, givenName, familyName, false, groups);
  }

  public TestPerson enabledAgain() {
    return new TestPerson(id, login, email, givenName, familyName, true, groups);
  }

  /** The same person, a direct member of exactly these groups (by name). */
  public TestPerson inGroups(String... groupNames) {
    return new TestPerson(id, login, email, givenName, familyName, enabled, List.of(groupNames));
  }

  private static void requireNotBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' must not be blank");
    }
  }
}
