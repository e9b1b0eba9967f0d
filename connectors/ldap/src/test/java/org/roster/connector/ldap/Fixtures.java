package org.roster.connector.ldap;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.testkit.RecordingSink;

/** Small helpers of the connector's unit tests. */
final class Fixtures {
  private Fixtures() {}

  static SourceContext context() {
    return new SourceContext("test", Clock.systemUTC());
  }

  static LdapSource open(LdapSettings settings) {
    return new LdapSource(settings, context());
  }

  /** Groups then users, the way the engine reads. */
  record Read(RecordingSink groups, RecordingSink users) {
    Map<String, SourceGroup> groupsByName() {
      return groups.groups().stream().collect(Collectors.toMap(SourceGroup::name, g -> g));
    }

    SourceUser user(String login) {
      SourceUser u = users.usersByLogin().get(login);
      if (u == null) {
        throw new AssertionError("no user " + login + " in " + users.usersByLogin().keySet());
      }
      return u;
    }

    /** Names of the groups the user is a direct member of. */
    java.util.Set<String> groupNames(String login) {
      Map<String, String> names =
          groups.groups().stream()
              .collect(Collectors.toMap(SourceGroup::externalId, SourceGroup::name));
      return user(login).groupIds().stream().map(names::get).collect(Collectors.toSet());
    }

    java.util.Set<String> parentNames(String group) {
      Map<String, String> names =
          groups.groups().stream()
              .collect(Collectors.toMap(SourceGroup::externalId, SourceGroup::name));
      return groupsByName().get(group).parentGroupIds().stream()
          .map(names::get)
          .collect(Collectors.toSet());
    }
  }

  static Read readAll(LdapSettings settings) {
    try (LdapSource source = open(settings)) {
      RecordingSink groups = new RecordingSink();
      source.readAll(EntryKind.GROUP, groups);
      RecordingSink users = new RecordingSink();
      source.readAll(EntryKind.USER, users);
      return new Read(groups, users);
    }
  }

  /** LDIF lines of an inetOrgPerson under ou=people. */
  static String[] person(String uid, String... extra) {
    java.util.List<String> lines =
        new java.util.ArrayList<>(
            java.util.List.of(
                "dn: uid=" + uid + "," + InMemoryLdap.PEOPLE,
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + uid + " Person",
                "sn: Person",
                "givenName: " + uid,
                "mail: " + uid + "@example.org"));
    lines.addAll(java.util.List.of(extra));
    return lines.toArray(String[]::new);
  }

  /** LDIF lines of a groupOfNames under ou=groups with members given by uid or full DN. */
  static String[] group(String cn, String... members) {
    java.util.List<String> lines =
        new java.util.ArrayList<>(
            java.util.List.of(
                "dn: cn=" + cn + "," + InMemoryLdap.GROUPS,
                "objectClass: groupOfNames",
                "cn: " + cn));
    for (String m : members) {
      lines.add("member: " + (m.contains("=") ? m : "uid=" + m + "," + InMemoryLdap.PEOPLE));
    }
    return lines.toArray(String[]::new);
  }
}
