package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.okta.fake.FakeOkta;

/**
 * An Okta profile through the whole server, against the fake Okta org of the connector's tests
 * (plain HTTP on loopback, so the test JVM sets {@code okta.testing.disableHttpsCheck}): create
 * (the API token never comes back and is sealed at rest), test, full run, changes in Okta, an
 * incremental run that sees them, a login through Okta's authentication API, the audit log.
 */
class OktaFlowIT {
  @TempDir Path dataDir;
  private FakeOkta okta;
  private RosterServer server;
  private Api api;
  private Runs runs;

  @BeforeEach
  void boot() {
    okta = FakeOkta.start();
    server = RosterServer.start(dataDir, TestDatabase.h2(dataDir));
    api = server.api();
    runs = new Runs(api);
  }

  @AfterEach
  void shutDown() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      okta.close();
    }
  }

  @Test
  void oktaProfileRunsFullAndIncrementalThroughTheServer() {
    String engineering = okta.addGroup("Engineering");
    String sales = okta.addGroup("Sales");
    okta.addGroup("Unsynced");
    String alice = person("alice", "Alice", "Archer", engineering);
    String bob = person("bob", "Bob", "Baker", engineering);
    String carol = person("carol", "Carol", "Carter", sales);
    String dave = person("dave", "Dave", "Dawson", engineering);
    okta.setStatus(dave, "SUSPENDED");
    String erin = person("erin", "Erin", "Ellis");

    // 1. Create and test; the token is write-only and sealed in the database.
    Map<String, Object> created = api.post("/api/v1/profiles", Map.of("name", "okta", "type", "okta",
        "settings", Map.of("orgUrl", okta.url(), "apiToken", okta.apiToken(),
            "groups", List.of("Engineering", "Sales")),
        // four users: the default threshold (10 %) would stop any deactivation
        "policy", Map.of("threshold", Map.of("percent", 100)))).expect(201).map();
    String profileId = (String) created.get("id");
    assertThat(created.toString()).doesNotContain(okta.apiToken());
    assertThat(api.get("/api/v1/profiles/" + profileId).expect(200).body()).doesNotContain(okta.apiToken());
    assertThat(api.post("/api/v1/profiles/" + profileId + "/test", Map.of()).expect(200).map())
        .containsEntry("ok", true);

    // 2. The full run: members of the two groups; SUSPENDED dave is INACTIVE; erin is in no group.
    Map<String, Object> full = runs.run(profileId, "full");
    assertThat(full).as("%s", full).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(full)).containsEntry("imported", 4).containsEntry("failed", 0);
    Map<String, Map<String, Object>> users = runs.usersOf(profileId);
    assertThat(users.keySet()).containsExactlyInAnyOrder("alice", "bob", "carol", "dave");
    assertThat(users.get("dave")).containsEntry("status", "INACTIVE");
    assertThat(users.get("alice")).containsEntry("status", "ACTIVE").containsEntry("externalId", alice);
    assertThat(runs.attributes((String) users.get("bob").get("id")))
        .containsEntry("email", "bob@example.org").containsEntry("displayName", "Bob Baker");
    assertThat(runs.groupNames((String) users.get("carol").get("id"))).containsExactly("Sales");

    // 3. Changes in Okta: a new title, a suspension, a new member, a deprovisioning.
    okta.updateProfile(bob, Map.of("title", "Lead Engineer"));
    okta.setStatus(carol, "SUSPENDED");
    okta.addMember(sales, erin);
    okta.setStatus(alice, "DEPROVISIONED");
    Map<String, Object> inc = runs.run(profileId, "incremental");
    assertThat(inc).as("%s", inc).containsEntry("status", "SUCCEEDED").containsEntry("mode", "incremental");
    assertThat(Runs.counts(inc)).as("%s", inc).containsEntry("imported", 1).containsEntry("disabled", 1)
        .containsEntry("deleted", 1).containsEntry("failed", 0);
    users = runs.usersOf(profileId);
    assertThat(runs.attributes((String) users.get("bob").get("id"))).containsEntry("title", "Lead Engineer");
    assertThat(users.get("carol")).containsEntry("status", "INACTIVE");
    assertThat(users.get("alice")).containsEntry("status", "DELETED");
    assertThat(users.get("erin")).containsEntry("status", "ACTIVE").containsEntry("externalId", erin);
    assertThat(runs.groupNames((String) users.get("erin").get("id"))).containsExactly("Sales");

    // 4. Logins go to Okta's authentication API.
    okta.setPassword(bob, "correct horse battery");
    assertThat(api.post("/api/v1/auth/login", Map.of("login", "bob", "password", "correct horse battery"))
        .expect(200).map()).containsEntry("accepted", true);
    assertThat(api.post("/api/v1/auth/login", Map.of("login", "bob", "password", "wrong"))
        .expect(200).map()).containsEntry("accepted", false);
    assertThat(api.post("/api/v1/auth/login", Map.of("login", "carol", "password", "anything"))
        .expect(200).map()).containsEntry("accepted", false);

    // 5. The audit log has what the runs did.
    List<Map<String, Object>> audit = api.get("/api/v1/audit?size=200").expect(200).items();
    assertThat(audit).anySatisfy(e -> assertThat(List.of(e.get("action"), e.get("objectName")))
        .containsExactly("disabled", "carol"));
    assertThat(audit).anySatisfy(e -> assertThat(List.of(e.get("action"), e.get("objectName")))
        .containsExactly("deleted", "alice"));

    // 6. Directory search and selective import: frank is in no synchronized group.
    String frank = person("frank", "Frank", "Fischer");
    List<Map<String, Object>> hits = runs.search(profileId, "name", "fra");
    assertThat(hits).extracting(h -> h.get("name"), h -> h.get("status"))
        .containsExactly(tuple("frank", "NEW"));
    assertThat(runs.search(profileId, "name", "bo")).extracting(h -> h.get("name"), h -> h.get("status"))
        .containsExactly(tuple("bob", "SYNCED"));
    assertThat(runs.search(profileId, "group", "sales")).extracting(h -> h.get("name"))
        .containsExactlyInAnyOrder("carol", "erin");
    Map<String, Object> imported = runs.importEntries(profileId, List.of(frank));
    assertThat(imported).as("%s", imported).containsEntry("status", "SUCCEEDED")
        .containsEntry("trigger", "IMPORT");
    assertThat(runs.userByLogin("frank")).containsEntry("status", "ACTIVE").containsEntry("externalId", frank);
    assertThat(runs.search(profileId, "name", "fra")).extracting(h -> h.get("status"))
        .containsExactly("SYNCED");
    api.get("/api/v1/profiles/" + profileId + "/directory?by=filter&q=" + "(title=Lead*").expect(400);
  }

  private String person(String login, String first, String last, String... groups) {
    String id = okta.addUser(login, Map.of("firstName", first, "lastName", last,
        "email", login + "@example.org", "displayName", first + " " + last));
    for (String g : groups) {
      okta.addMember(g, id);
    }
    return id;
  }
}
