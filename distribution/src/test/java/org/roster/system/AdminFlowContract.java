package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.system.People.Person;

/**
 * The people and organisation half of the admin API through the real server and a CSV drop
 * folder: a role tree whose roles are bound to directory groups, given to the groups' members by
 * the next run; a licence limit that blocks new users, raised, and the blocked users released;
 * a local user who logs in with the password an admin set; and every change in the audit log
 * with the admin as actor. One subclass per database.
 */
abstract class AdminFlowContract {
  @TempDir Path dataDir;
  private TestDatabase database;
  private RosterServer server;
  private Api api;
  private Runs runs;
  private Path inbox;

  /** A fresh, empty database for one test. */
  abstract TestDatabase database(Path dataDir);

  @BeforeEach
  void boot() {
    database = database(dataDir);
    server = RosterServer.start(dataDir, database);
    api = server.api();
    runs = new Runs(api);
    inbox = dataDir.resolve("inbox");
  }

  @AfterEach
  void shutDown() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      database.close();
    }
  }

  @Test
  void rolesBindingsLicencesAndLocalUsers() throws IOException {
    String profileId = (String) api.post("/api/v1/profiles", Map.of("name", "hr", "type", "csv",
        "settings", Map.of("folder", inbox.toString(), "quietSeconds", 1))).expect(201).map().get("id");
    drop("people-1.csv", People.range(1, 10));
    assertThat(runs.awaitFileRun(profileId, "people-1.csv")).containsEntry("status", "SUCCEEDED");

    // 1. A role tree; its department is bound to the Sales group, a functional role to Managers.
    String corp = id(api.post("/api/v1/roles", Map.of("name", "Example Corp", "kind", "organizational")).expect(201));
    String salesDept = id(api.post("/api/v1/roles",
        Map.of("name", "Sales department", "kind", "organizational", "parentId", corp)).expect(201));
    String manager = id(api.post("/api/v1/roles", Map.of("name", "Manager", "kind", "functional")).expect(201));
    String salesGroup = groupId(profileId, "Sales");
    String managersGroup = groupId(profileId, "Managers");
    api.put("/api/v1/roles/" + salesDept + "/binding", Map.of("groupIds", List.of(salesGroup))).expect(200);
    api.put("/api/v1/roles/" + manager + "/binding", Map.of("groupIds", List.of(managersGroup))).expect(200);
    api.put("/api/v1/roles/" + corp, Map.of("name", "Example Corp", "parentId", salesDept)).expect(400);

    // 2. The next run gives the groups' members the roles (a manual run re-reads the last file).
    String manual = id(api.post("/api/v1/profiles/" + profileId + "/runs", Map.of("mode", "full")).expect(202));
    assertThat(runs.awaitRun(manual)).containsEntry("status", "SUCCEEDED");
    // people 4 and 8 are in Sales (n % 4 == 0), person 10 is in Managers
    assertThat(logins("/api/v1/users?roleId=" + salesDept)).containsExactly("user004", "user008");
    assertThat(logins("/api/v1/users?roleId=" + manager)).containsExactly("user010");
    assertThat(logins("/api/v1/users?groupId=" + salesGroup)).containsExactly("user004", "user008");
    assertThat(roleNames(runs.idOf("user004"))).containsExactly("Sales department");
    Map<String, Object> dept = api.get("/api/v1/roles/" + salesDept).expect(200).map();
    assertThat(dept).containsEntry("holders", 2);
    assertThat(names(dept.get("path"))).containsExactly("Example Corp");
    assertThat(names(dept.get("boundGroups"))).containsExactly("Sales");
    assertThat(api.get("/api/v1/groups/" + salesGroup).expect(200).map()).containsEntry("memberCount", 2);
    api.delete("/api/v1/roles/" + corp).expect(409);

    // 3. A limit at today's usage: two new people are created BLOCKED.
    assertThat(api.get("/api/v1/licences").expect(200).map()).containsEntry("limit", null).containsEntry("used", 10);
    api.put("/api/v1/licences/limit", Map.of("limit", 10)).expect(200);
    drop("people-2.csv", People.range(1, 12));
    assertThat(runs.awaitFileRun(profileId, "people-2.csv")).containsEntry("status", "SUCCEEDED");
    assertThat(runs.userByLogin("user011")).containsEntry("status", "BLOCKED");
    assertThat(api.get("/api/v1/licences").expect(200).map())
        .containsEntry("used", 10).containsEntry("free", 0).containsEntry("blocked", 2);
    List<Map<String, Object>> queue = api.get("/api/v1/licences/blocked").expect(200).items();
    assertThat(queue).extracting(u -> u.get("login")).containsExactlyInAnyOrder("user011", "user012");
    assertThat(api.post("/api/v1/licences/release", Map.of()).expect(200).map()).containsEntry("released", 0);

    // 4. Raised by one, a release activates the first in the queue; the other still waits.
    api.put("/api/v1/licences/limit", Map.of("limit", 11)).expect(200);
    Map<String, Object> released = api.post("/api/v1/licences/release", Map.of()).expect(200).map();
    assertThat(released).containsEntry("released", 1);
    String first = (String) queue.get(0).get("login");
    String second = (String) queue.get(1).get("login");
    assertThat(runs.userByLogin(first)).containsEntry("status", "ACTIVE").containsEntry("seat", true);
    assertThat(runs.userByLogin(second)).containsEntry("status", "BLOCKED");
    assertThat(api.get("/api/v1/licences").expect(200).map())
        .containsEntry("used", 11).containsEntry("blocked", 1);

    // 5. A local user logs in with the password an admin set; the password is never shown.
    Map<String, Object> owner = api.post("/api/v1/users", Map.of("login", "owner",
        "password", "correct horse battery", "attributes", Map.of("displayName", "The Owner"))).expect(201).map();
    assertThat(owner).containsEntry("profileId", null).doesNotContainValue("correct horse battery");
    assertThat(api.post("/api/v1/auth/login", Map.of("login", "OWNER", "password", "correct horse battery"))
        .expect(200).map()).containsEntry("accepted", true).containsEntry("userId", owner.get("id"));
    assertThat(api.post("/api/v1/auth/login", Map.of("login", "owner", "password", "wrong horse"))
        .expect(200).map()).containsEntry("accepted", false);
    api.post("/api/v1/users/" + owner.get("id") + "/deactivate", Map.of()).expect(200);
    assertThat(api.post("/api/v1/auth/login", Map.of("login", "owner", "password", "correct horse battery"))
        .expect(200).map()).containsEntry("accepted", false).containsEntry("reason", "user is INACTIVE");

    // 6. Every change is in the audit log with the admin as actor.
    List<Map<String, Object>> audit = api.get("/api/v1/audit?size=1000").expect(200).items();
    List<String> byAdmin = audit.stream().filter(e -> "admin:admin".equals(e.get("actor")))
        .map(e -> e.get("action") + " " + e.get("objectName")).toList();
    assertThat(byAdmin).contains("created Sales department", "bound Sales department", "bound Manager",
        "licence limit changed licence pool", "seats released licence pool", "released " + first,
        "created owner", "deactivated owner");
    assertThat(api.get("/api/v1/audit?format=csv").expect(200).body()).doesNotContain("correct horse battery");
  }

  private static String id(Api.Reply reply) {
    return (String) reply.map().get("id");
  }

  private String groupId(String profileId, String name) {
    return api.get("/api/v1/groups?profileId=" + profileId + "&q=" + name).expect(200).items().stream()
        .filter(g -> name.equals(g.get("name"))).map(g -> (String) g.get("id")).findFirst().orElseThrow();
  }

  private List<Object> logins(String path) {
    return api.get(path).expect(200).items().stream().map(u -> u.get("login")).toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> roleNames(String userId) {
    return names(runs.user(userId).get("roles"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Object refs) {
    return ((List<Map<String, Object>>) refs).stream().map(r -> (String) r.get("name")).toList();
  }

  /** Writes a file under a name the folder ignores, then moves it in at once. */
  private void drop(String name, List<Person> people) throws IOException {
    Files.createDirectories(inbox);
    Path tmp = inbox.resolve("." + name + ".tmp");
    Files.writeString(tmp, People.csv(people), StandardCharsets.UTF_8);
    Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }
}
