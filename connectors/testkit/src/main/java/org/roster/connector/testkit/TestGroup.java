package org.roster.connector.testkit;

/**
 * A group as a contract test seeds it.
 *
 * @param id the fixture's key of the group: the same id in a later seed is the same entry
 * @param name the group's name ({@code cn}, display name, the CSV groups column's value); people
 *     refer to groups by this name
 */
public record TestGroup(String id, String name) {

  public TestGroup {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("'id' must not be blank");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' must not be blank");
    }
  }

  public static TestGroup group(String id, String name) {
    return new TestGroup(id, name);
  }
}
