package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selective import through the real server from a real slapd ({@link Slapd}, seeded with {@code
 * scripts/ldap-testdata/openldap-small.ldif}): entries found by a directory search are imported
 * INACTIVE with a role, one of them outside the synchronized groups; an admin activates one, who
 * then logs in with the directory password; imported again, a user is updated and keeps its roles;
 * a later full run keeps the imported users.
 */
class LdapImportIT {
  @TempDir Path dataDir;
  private Slapd slapd;
  private TestDatabase database;
  private RosterServer server;
  private Api api;
  private Runs runs;

  @BeforeEach
  void boot() {
    slapd = Slapd.fresh(Slapd.repository().resolve("scripts/ldap-testdata/openldap-small.ldif"));
    database = TestDatabase.h2(dataDir);
    server = RosterServer.start(dataDir, database);
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
      if (slapd != null) {
        slapd.stop();
      }
    }
  }

  @Test
  void importsSelectedEntriesFromTheDirectory() {
    String profileId = (String) api.post("/api/v1/profiles", profileBody()).expect(201).map().get("id");
    String auditor = (String) api.post("/api/v1/roles", Map.of("name", "Auditor", "kind", "functional"))
        .expect(201).map().get("id");
    String reviewer = (String) api.post("/api/v1/roles", Map.of("name", "Reviewer", "kind", "functional"))
        .expect(201).map().get("id");
    Map<String, Object> mallory = hit(profileId, "mallory");
    Map<String, Object> alice = hit(profileId, "alice");
    assertThat(mallory).containsEntry("status", "NEW");

    // 1. Imported INACTIVE with a role; mallory is in no synchronized group, imported all the same.
    Map<String, Object> run = importing(profileId, Map.of("externalIds",
        List.of(mallory.get("externalId"), alice.get("externalId")), "enable", false, "roleIds", List.of(auditor)));
    assertThat(run).as("%s", run).containsEntry("status", "SUCCEEDED").containsEntry("trigger", "IMPORT");
    assertThat(Runs.counts(run)).containsEntry("imported", 2).containsEntry("deleted", 0);
    assertThat(api.get("/api/v1/users?profileId=" + profileId).expect(200).map()).containsEntry("total", 2);
    String aliceId = runs.idOf("alice");
    assertThat(runs.user(aliceId)).containsEntry("status", "INACTIVE")
        .containsEntry("inactiveReason", "NOT_ENABLED_ON_IMPORT");
    assertThat(runs.groupNames(aliceId)).containsExactly("engineering");
    assertThat(roles(aliceId)).containsExactly("Auditor");
    assertThat(roles(runs.idOf("mallory"))).containsExactly("Auditor");
    assertThat(hit(profileId, "alice")).containsEntry("status", "SYNCED").containsEntry("rosterId", aliceId);

    // 2. An admin activates alice, who logs in with her directory password.
    assertThat(login("alice", "alice-pass")).containsEntry("accepted", false);
    api.post("/api/v1/users/" + aliceId + "/activate", Map.of()).expect(200);
    assertThat(login("alice", "alice-pass")).containsEntry("accepted", true).containsEntry("userId", aliceId);

    // 3. Imported again with another role: updated, and she keeps the roles she has.
    Map<String, Object> again = importing(profileId, Map.of("externalIds", List.of(alice.get("externalId")),
        "roleIds", List.of(reviewer)));
    assertThat(again).as("%s", again).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(again)).containsEntry("imported", 0);
    assertThat(roles(aliceId)).containsExactly("Auditor");
    assertThat(runs.user(aliceId)).containsEntry("status", "ACTIVE");

    // 4. A full run brings in the rest of the scope and keeps the imported users as they are.
    Map<String, Object> queued = api.post("/api/v1/profiles/" + profileId + "/runs", Map.of("mode", "full"))
        .expect(202).map();
    Map<String, Object> full = runs.awaitRun((String) queued.get("id"));
    assertThat(full).as("%s", full).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(full)).containsEntry("imported", 17).containsEntry("deleted", 0);
    assertThat(runs.userByLogin("mallory")).containsEntry("status", "INACTIVE");
    assertThat(runs.user(aliceId)).containsEntry("status", "ACTIVE");
  }

  private Map<String, Object> importing(String profileId, Map<String, Object> body) {
    Map<String, Object> queued = api.post("/api/v1/profiles/" + profileId + "/imports", body).expect(202).map();
    return runs.awaitRun((String) queued.get("id"));
  }

  private Map<String, Object> hit(String profileId, String login) {
    List<Map<String, Object>> hits = api.get("/api/v1/profiles/" + profileId + "/directory?q="
        + URLEncoder.encode(login, StandardCharsets.UTF_8)).expect(200).items();
    return hits.stream().filter(h -> login.equals(h.get("name"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private List<String> roles(String userId) {
    return ((List<Map<String, Object>>) runs.user(userId).get("roles")).stream()
        .map(r -> (String) r.get("name")).toList();
  }

  private Map<String, Object> login(String login, String password) {
    return api.post("/api/v1/auth/login", Map.of("login", login, "password", password)).expect(200).map();
  }

  private Map<String, Object> profileBody() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("flavour", "openldap");
    settings.put("url", slapd.env("ROSTER_OPENLDAP_LDAPS_URL"));
    settings.put("trustFile", slapd.env("ROSTER_OPENLDAP_CA_PEM"));
    settings.put("bindDn", slapd.env("ROSTER_OPENLDAP_BIND_DN"));
    settings.put("bindPassword", slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    settings.put("baseDn", slapd.env("ROSTER_OPENLDAP_BASE_DN"));
    settings.put("disabledRule", Map.of("type", "attributePresent", "attribute", "pwdAccountLockedTime"));
    return Map.of("name", "corp-openldap", "type", "ldap", "settings", settings,
        "policy", Map.of("synchronizedGroups", List.of("all-staff")));
  }
}
