package org.roster.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;

/** A full read of a source, groups then users, and the checks the contract makes on it. */
record Snapshot(RecordingSink groups, RecordingSink users) {

  /** Reads every group, then every user, from the source the way the engine does. */
  static Snapshot read(DirectorySource source) {
    RecordingSink groups = new RecordingSink();
    source.readAll(EntryKind.GROUP, groups);
    RecordingSink users = new RecordingSink();
    source.readAll(EntryKind.USER, users);
    return new Snapshot(groups, users);
  }

  /** Group external id to group name; fails when two groups share an external id. */
  Map<String, String> groupNamesById() {
    Map<String, String> byId = new HashMap<>();
    for (SourceGroup g : groups.groups()) {
      assertThat(byId.put(g.externalId(), g.name()))
          .as("group external id '%s' is read only once", g.externalId())
          .isNull();
    }
    return byId;
  }

  /** External id of the group of this name. */
  String groupId(String name) {
    return groupNamesById().entrySet().stream()
        .filter(e -> e.getValue().equals(name))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group named '" + name + "' was read"));
  }

  /** The user read with this login. */
  SourceUser user(String login) {
    SourceUser user = users.usersByLogin().get(login);
    assertThat(user).as("user '%s' was read", login).isNotNull();
    return user;
  }

  /** Login to external id of every user read. */
  Map<String, String> userIdsByLogin() {
    return users.users().stream()
        .collect(Collectors.toMap(SourceUser::login, SourceUser::externalId));
  }

  /** Asserts that this read holds exactly the directory's groups and people, nothing rejected. */
  void assertHolds(TestDirectory directory, Function<TestPerson, Optional<String>> expectedId) {
    assertThat(groups.entries())
        .as("a GROUP read gives groups only")
        .allMatch(SourceGroup.class::isInstance);
    assertThat(users.entries())
        .as("a USER read gives users only")
        .allMatch(SourceUser.class::isInstance);
    assertThat(groups.rejections()).as("groups rejected").isEmpty();
    assertThat(users.rejections()).as("users rejected").isEmpty();
    Map<String, String> groupNames = groupNamesById();
    assertThat(groupNames.values())
        .as("names of the groups read")
        .containsExactlyInAnyOrderElementsOf(
            directory.groups().stream().map(TestGroup::name).toList());
    assertThat(users.users().stream().map(SourceUser::login))
        .as("logins of the users read, each once")
        .containsExactlyInAnyOrderElementsOf(
            directory.people().stream().map(TestPerson::login).toList());
    assertThat(users.users().stream().map(SourceUser::externalId).distinct().count())
        .as("users have distinct external ids")
        .isEqualTo(users.users().size());
    directory
        .people()
        .forEach(p -> assertPerson(p, user(p.login()), groupNames, expectedId.apply(p)));
  }

  private static void assertPerson(
      TestPerson person, SourceUser user, Map<String, String> groupNames, Optional<String> id) {
    String who = "user '" + person.login() + "' ";
    id.ifPresent(
        expected -> assertThat(user.externalId()).as(who + "external id").isEqualTo(expected));
    assertThat(user.enabled()).as(who + "enabled").isEqualTo(person.enabled());
    if (person.email() == null) {
      assertThat(user.attribute(UserFields.EMAIL)).as(who + "email").isNullOrEmpty();
    } else {
      assertThat(user.attribute(UserFields.EMAIL)).as(who + "email").isEqualTo(person.email());
    }
    assertThat(user.attribute(UserFields.GIVEN_NAME))
        .as(who + "given name")
        .isEqualTo(person.givenName());
    assertThat(user.attribute(UserFields.FAMILY_NAME))
        .as(who + "family name")
        .isEqualTo(person.familyName());
    assertThat(groupNames.keySet())
        .as(who + "group ids refer to groups read before")
        .containsAll(user.groupIds());
    Set<String> names = user.groupIds().stream().map(groupNames::get).collect(Collectors.toSet());
    assertThat(names)
        .as(who + "groups")
        .containsExactlyInAnyOrderElementsOf(List.copyOf(person.groups()));
  }
}
