package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.azure.fake.FakeDirectory;
import org.roster.connector.azure.fake.FakeEntra;

/**
 * An Entra ID profile through the whole server, against the fake tenant of the connector's tests
 * (an HTTPS token endpoint and Graph with a test certificate the profile trusts): create (the
 * client secret never comes back and is sealed at rest), test, full run, changes in the tenant, an
 * incremental run from Graph's delta links that sees them, the login answer for Entra users, the
 * audit log.
 */
class AzureFlowIT {
  @TempDir Path dataDir;
  private FakeEntra entra;
  private RosterServer server;
  private Api api;
  private Runs runs;

  @BeforeEach
  void boot() {
    entra = FakeEntra.start();
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
      entra.close();
    }
  }

  @Test
  void entraProfileRunsFullAndIncrementalThroughTheServer() {
    FakeDirectory tenant = entra.directory();
    String engineering = tenant.addGroup("Engineering", Map.of());
    String sales = tenant.addGroup("Sales", Map.of());
    tenant.addGroup("Unsynced", Map.of());
    String alice = person("alice", "Alice", "Archer", engineering);
    String bob = person("bob", "Bob", "Baker", engineering);
    String carol = person("carol", "Carol", "Carter", sales);
    String dave = person("dave", "Dave", "Dawson", engineering);
    tenant.updateUser(dave, Map.of("accountEnabled", false));
    String erin = person("erin", "Erin", "Ellis");

    // 1. Create and test; the client secret is write-only and sealed in the database.
    Map<String, Object> settings = new HashMap<>(entra.settings());
    settings.put("groups", List.of("Engineering", "Sales"));
    Map<String, Object> created = api.post("/api/v1/profiles", Map.of("name", "entra", "type", "azure",
        "settings", settings,
        // five users: the default threshold (10 %) would stop any deactivation
        "policy", Map.of("threshold", Map.of("percent", 100)))).expect(201).map();
    String profileId = (String) created.get("id");
    assertThat(created.toString()).doesNotContain(entra.clientSecret());
    assertThat(api.get("/api/v1/profiles/" + profileId).expect(200).body())
        .doesNotContain(entra.clientSecret());
    assertThat(api.post("/api/v1/profiles/" + profileId + "/test", Map.of()).expect(200).map())
        .containsEntry("ok", true);

    // 2. The full run: members of the two groups; dave (accountEnabled false) is INACTIVE.
    Map<String, Object> full = runs.run(profileId, "full");
    assertThat(full).as("%s", full).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(full)).containsEntry("imported", 4).containsEntry("failed", 0);
    Map<String, Map<String, Object>> users = runs.usersOf(profileId);
    assertThat(users.keySet()).containsExactlyInAnyOrder("alice@contoso.example",
        "bob@contoso.example", "carol@contoso.example", "dave@contoso.example");
    assertThat(users.get("dave@contoso.example")).containsEntry("status", "INACTIVE");
    assertThat(users.get("alice@contoso.example")).containsEntry("externalId", alice);
    assertThat(runs.groupNames((String) users.get("carol@contoso.example").get("id")))
        .containsExactly("Sales");

    // 3. Changes in the tenant: a new title, a disabled account, a new member, a deletion.
    tenant.updateUser(bob, Map.of("jobTitle", "Lead Engineer"));
    tenant.updateUser(carol, Map.of("accountEnabled", false));
    tenant.addMember(sales, erin);
    tenant.deleteUser(alice);
    Map<String, Object> inc = runs.run(profileId, "incremental");
    assertThat(inc).as("%s", inc).containsEntry("status", "SUCCEEDED").containsEntry("mode", "incremental");
    assertThat(Runs.counts(inc)).as("%s", inc).containsEntry("imported", 1).containsEntry("disabled", 1)
        .containsEntry("deleted", 1).containsEntry("failed", 0);
    users = runs.usersOf(profileId);
    assertThat(runs.attributes((String) users.get("bob@contoso.example").get("id")))
        .containsEntry("title", "Lead Engineer");
    assertThat(users.get("carol@contoso.example")).containsEntry("status", "INACTIVE");
    assertThat(users.get("alice@contoso.example")).containsEntry("status", "DELETED");
    assertThat(users.get("erin@contoso.example")).containsEntry("status", "ACTIVE")
        .containsEntry("externalId", erin);

    // 4. Entra users sign in with single sign-on: Roster says so instead of guessing.
    Map<String, Object> login = api.post("/api/v1/auth/login",
        Map.of("login", "bob@contoso.example", "password", "whatever")).expect(200).map();
    assertThat(login).containsEntry("accepted", false);
    assertThat(login.toString()).contains("single sign-on");

    // 5. The audit log has what the runs did.
    List<Map<String, Object>> audit = api.get("/api/v1/audit?size=200").expect(200).items();
    assertThat(audit).anySatisfy(e -> assertThat(List.of(e.get("action"), e.get("objectName")))
        .containsExactly("disabled", "carol@contoso.example"));
    assertThat(audit).anySatisfy(e -> assertThat(List.of(e.get("action"), e.get("objectName")))
        .containsExactly("deleted", "alice@contoso.example"));

    // 6. Directory search and selective import: frank is in no synchronized group.
    String frank = person("frank", "Frank", "Fischer");
    assertThat(runs.search(profileId, "name", "fra")).extracting(h -> h.get("name"), h -> h.get("status"))
        .containsExactly(tuple("frank@contoso.example", "NEW"));
    assertThat(runs.search(profileId, "name", "bo")).extracting(h -> h.get("name"), h -> h.get("status"))
        .containsExactly(tuple("bob@contoso.example", "SYNCED"));
    assertThat(runs.search(profileId, "group", "sales")).extracting(h -> h.get("name"))
        .containsExactlyInAnyOrder("carol@contoso.example", "erin@contoso.example");
    Map<String, Object> imported = runs.importEntries(profileId, List.of(frank));
    assertThat(imported).as("%s", imported).containsEntry("status", "SUCCEEDED")
        .containsEntry("trigger", "IMPORT");
    assertThat(runs.userByLogin("frank@contoso.example")).containsEntry("status", "ACTIVE")
        .containsEntry("externalId", frank);
    assertThat(runs.search(profileId, "name", "fra")).extracting(h -> h.get("status"))
        .containsExactly("SYNCED");
    api.get("/api/v1/profiles/" + profileId + "/directory?by=filter&q=" + "(title=Lead*").expect(400);
  }

  private String person(String login, String first, String last, String... groups) {
    String id = entra.directory().addUser(FakeDirectory.person(login, first, last));
    for (String g : groups) {
      entra.directory().addMember(g, id);
    }
    return id;
  }
}
