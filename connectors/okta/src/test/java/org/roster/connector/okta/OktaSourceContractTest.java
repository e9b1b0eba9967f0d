package org.roster.connector.okta;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.okta.fake.TickingClock;
import org.roster.connector.testkit.IncrementalSourceContract;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/**
 * The connector contract against the fake Okta: a disabled person is SUSPENDED, a person removed is
 * DEPROVISIONED (as Okta deactivates before it deletes), a group removed is deleted. The fake and
 * the sources share a {@link TickingClock}, so "after the token" is exact with an overlap of 0.
 */
class OktaSourceContractTest extends IncrementalSourceContract {
  private final TickingClock clock = new TickingClock();
  private final Map<String, String> userIds = new HashMap<>();
  private final Map<String, String> groupIds = new HashMap<>();
  private FakeOkta okta;

  @BeforeEach
  void startOkta() {
    okta = FakeOkta.start(clock);
  }

  @AfterEach
  void stopOkta() {
    okta.close();
  }

  @Override
  protected ConnectorFactory factory() {
    return new OktaConnectorFactory();
  }

  @Override
  protected SourceContext context() {
    return new SourceContext("contract-test", clock);
  }

  @Override
  protected void seed(List<TestPerson> people, List<TestGroup> groups) {
    seedGroups(groups);
    Set<String> present = new HashSet<>();
    for (TestPerson p : people) {
      present.add(p.id());
      seedPerson(p);
    }
    for (String fixtureId : Set.copyOf(userIds.keySet())) {
      if (!present.contains(fixtureId)) {
        okta.setStatus(userIds.remove(fixtureId), "DEPROVISIONED");
      }
    }
    for (TestGroup g : groups) {
      String groupId = groupIds.get(g.id());
      Set<String> wanted = new HashSet<>();
      people.stream()
          .filter(p -> p.groups().contains(g.name()))
          .forEach(p -> wanted.add(userIds.get(p.id())));
      Set<String> current = okta.members(groupId);
      wanted.stream().filter(u -> !current.contains(u)).forEach(u -> okta.addMember(groupId, u));
      current.stream().filter(u -> !wanted.contains(u)).forEach(u -> okta.removeMember(groupId, u));
    }
  }

  private void seedGroups(List<TestGroup> groups) {
    Set<String> present = new HashSet<>();
    for (TestGroup g : groups) {
      present.add(g.id());
      String id = groupIds.get(g.id());
      if (id == null) {
        groupIds.put(g.id(), okta.addGroup(g.name()));
      }
    }
    for (String fixtureId : Set.copyOf(groupIds.keySet())) {
      if (!present.contains(fixtureId)) {
        okta.deleteGroup(groupIds.remove(fixtureId));
      }
    }
  }

  private void seedPerson(TestPerson p) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("firstName", p.givenName());
    profile.put("lastName", p.familyName());
    profile.put("email", p.email());
    String status = p.enabled() ? "ACTIVE" : "SUSPENDED";
    String id = userIds.get(p.id());
    if (id == null) {
      profile.values().removeIf(v -> v == null);
      userIds.put(p.id(), okta.addUser(p.login(), status, profile));
      return;
    }
    profile.put("login", p.login());
    @SuppressWarnings("unchecked")
    Map<String, Object> current = (Map<String, Object>) okta.user(id).get("profile");
    Map<String, Object> changes = new HashMap<>();
    profile.forEach(
        (k, v) -> {
          if (!Objects.equals(current.get(k), v)) {
            changes.put(k, v);
          }
        });
    if (!changes.isEmpty()) {
      okta.updateProfile(id, changes);
    }
    if (!okta.user(id).get("status").equals(status)) {
      okta.setStatus(id, status);
    }
  }

  private Map<String, Object> settings() {
    Map<String, Object> s = new HashMap<>();
    s.put("orgUrl", okta.url());
    s.put("apiToken", okta.apiToken());
    s.put("overlapSeconds", 0);
    return s;
  }

  @Override
  protected DirectorySource openSource() {
    return factory().open(factory().validate(RawSettings.of(settings())), context());
  }

  @Override
  protected DirectorySource openUnreachableSource() {
    Map<String, Object> s = settings();
    s.put("orgUrl", "http://127.0.0.1:1");
    s.put("connectTimeoutSeconds", 2);
    return factory().open(factory().validate(RawSettings.of(s)), context());
  }

  @Override
  protected Optional<DirectorySource> openSourceWithWrongCredentials() {
    Map<String, Object> s = settings();
    s.put("apiToken", "00WrongToken0000000000000000000000000000000");
    return Optional.of(factory().open(factory().validate(RawSettings.of(s)), context()));
  }
}
