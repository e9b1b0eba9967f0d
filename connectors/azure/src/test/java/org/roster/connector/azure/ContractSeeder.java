package org.roster.connector.azure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.roster.connector.azure.fake.FakeDirectory;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/**
 * Makes the fake tenant hold exactly the contract's people and groups, changing in place what was
 * seeded before (so ids stay and delta queries see only real changes). The login is the
 * userPrincipalName.
 */
final class ContractSeeder {
  private final FakeDirectory directory;
  private final Map<String, String> userIds;
  private final Map<String, String> groupIds;

  /**
   * @param userIds fixture id to Graph id of the people seeded so far; kept up to date
   * @param groupIds fixture id to Graph id of the groups seeded so far; kept up to date
   */
  ContractSeeder(
      FakeDirectory directory, Map<String, String> userIds, Map<String, String> groupIds) {
    this.directory = directory;
    this.userIds = userIds;
    this.groupIds = groupIds;
  }

  void seed(List<TestPerson> people, List<TestGroup> groups) {
    Map<String, String> byName = new HashMap<>();
    Set<String> keptGroups = new HashSet<>();
    for (TestGroup g : groups) {
      String id = groupIds.get(g.id());
      if (id == null) {
        id = directory.addGroup(g.name(), Map.of());
        groupIds.put(g.id(), id);
      } else {
        directory.updateGroup(id, Map.of("displayName", g.name()));
      }
      byName.put(g.name(), id);
      keptGroups.add(g.id());
    }
    remove(groupIds, keptGroups, directory::deleteGroup);
    Set<String> keptPeople = new HashSet<>();
    for (TestPerson p : people) {
      Map<String, Object> properties = new HashMap<>();
      properties.put("userPrincipalName", p.login());
      properties.put("mail", p.email());
      properties.put("givenName", p.givenName());
      properties.put("surname", p.familyName());
      properties.put("displayName", p.displayName());
      properties.put("accountEnabled", p.enabled());
      String id = userIds.get(p.id());
      if (id == null) {
        properties.values().removeIf(Objects::isNull);
        id = directory.addUser(properties);
        userIds.put(p.id(), id);
      } else {
        directory.updateUser(id, properties);
      }
      keptPeople.add(p.id());
      Set<String> wanted = new HashSet<>();
      p.groups().forEach(name -> wanted.add(byName.get(name)));
      for (String group : directory.groupIds()) {
        boolean member = directory.members(group).contains(id);
        if (wanted.contains(group) && !member) {
          directory.addMember(group, id);
        } else if (!wanted.contains(group) && member) {
          directory.removeMember(group, id);
        }
      }
    }
    remove(userIds, keptPeople, directory::deleteUser);
  }

  private static void remove(Map<String, String> ids, Set<String> kept, Consumer<String> delete) {
    for (Iterator<Map.Entry<String, String>> it = ids.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> e = it.next();
      if (!kept.contains(e.getKey())) {
        delete.accept(e.getValue());
        it.remove();
      }
    }
  }
}
