package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server, booted as {@code roster serve} boots it, driving an OpenLDAP profile only
 * through its HTTP API against a real slapd ({@code scripts/slapd.sh}, a private instance seeded
 * with {@code scripts/ldap-testdata/openldap-small.ldif}; changes are made with ldapadd and
 * ldapmodify as the rootdn): profile and connection test over LDAPS, a bad bind, the first full
 * run, directory search, password checks, a rename, membership changes and a new user seen by an
 * incremental run, a deletion seen only by a full run, the audit of a rename, and a dry run.
 *
 * <p>Scope: the profile keeps the LDAP default {@code requireGroupMembership: true} with one
 * synchronized group, {@code all-staff}, which holds everybody else only through nesting
 * (all-staff → engineering → backend → platform → engineering, a cycle; all-staff → sales). So
 * the run exercises nested groups and the cycle end to end: 18 of the 20 users are in scope;
 * mallory (only in legacy) and heidi (only in auditors) are not.
 *
 * <p>The profile looks back 0 seconds ({@code overlapSeconds}) and its first run starts in a later
 * second than the seed ({@link Slapd#awaitNextSecond}), so each incremental run reads what changed
 * and nothing else: with the default 60 s look-back it would re-read every seeded entry and prove
 * nothing about change detection. (A member who only leaves a group is not seen by an increment:
 * see {@link LdapIncrementalMembershipIT}; here frank leaves sales and joins backend.)
 */
abstract class LdapFlowContract {
  private static final String BASE = "dc=example,dc=org";
  private static final String PEOPLE = "ou=people," + BASE;
  private static final String GROUPS = "ou=groups," + BASE;
  /** Everybody in all-staff, directly or nested. */
  private static final List<String> IN_SCOPE = List.of("alice", "niaj", "olivia", "zoe", "bob",
      "dave", "ivan", "victor", "carol", "grace", "walter", "erin", "frank", "rupert", "judy",
      "peggy", "sybil", "trent");

  @TempDir Path dataDir;
  private TestDatabase database;
  private Slapd slapd;
  private RosterServer server;
  private Api api;
  private Runs runs;

  /** A fresh, empty database for one test. */
  abstract TestDatabase database(Path dataDir);

  @BeforeEach
  void boot() {
    slapd = Slapd.fresh(Slapd.repository().resolve("scripts/ldap-testdata/openldap-small.ldif"));
    database = database(dataDir);
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
      try {
        if (database != null) {
          database.close();
        }
      } finally {
        if (slapd != null) {
          slapd.stop();
        }
      }
    }
  }

  @Test
  void openLdapFlow() throws IOException {
    api.get("/health").expect(200);

    // 1. The profile over LDAPS with the script's CA; the bind password never comes back.
    Map<String, Object> created = api.post("/api/v1/profiles",
        profileBody("corp-openldap", slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"))).expect(201).map();
    String profileId = (String) created.get("id");
    assertThat(settings(created)).containsEntry("bindPassword", "***")
        .containsEntry("url", slapd.env("ROSTER_OPENLDAP_LDAPS_URL"));
    assertThat(created.toString()).doesNotContain(slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    Api.Reply read = api.get("/api/v1/profiles/" + profileId).expect(200);
    assertThat(settings(read.map())).containsEntry("bindPassword", "***");
    assertThat(read.body()).doesNotContain(slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    // At rest the password is sealed (AES-GCM), the other settings are readable.
    String stored = storedSettings(profileId);
    assertThat(stored).doesNotContain(slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"))
        .contains("\"bindPassword\":\"aesgcm:v1:").contains(slapd.env("ROSTER_OPENLDAP_LDAPS_URL"));
    assertThat(policy(read.map())).containsEntry("requireGroupMembership", true);
    Map<String, Object> test = api.post("/api/v1/profiles/" + profileId + "/test", Map.of())
        .expect(200).map();
    assertThat(test).as("%s", test).containsEntry("ok", true);
    // What a client read, sent back as it is (the password as "***"), keeps the stored password.
    Map<String, Object> readBack = read.map();
    api.put("/api/v1/profiles/" + profileId, Map.of("name", readBack.get("name"),
        "type", readBack.get("type"), "settings", readBack.get("settings"),
        "policy", readBack.get("policy"), "enabled", readBack.get("enabled"))).expect(200);
    assertThat(api.post("/api/v1/profiles/" + profileId + "/test", Map.of()).expect(200).map())
        .as("the test after a PUT of the redacted settings").containsEntry("ok", true);

    // 2. The first full run imports the 18 users in scope; dave (ppolicy-locked) is INACTIVE.
    slapd.awaitNextSecond();
    Map<String, Object> first = runs.run(profileId, "full");
    assertThat(first).as("%s", first).containsEntry("status", "SUCCEEDED").containsEntry("mode", "full");
    assertThat(Runs.counts(first)).as("%s", first).containsEntry("imported", IN_SCOPE.size())
        .containsEntry("skipped", 2).containsEntry("failed", 0).containsEntry("deleted", 0);
    Map<String, Map<String, Object>> listed = runs.usersOf(profileId);
    assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(IN_SCOPE);
    assertThat(runs.report(first.get("id")))
        .filteredOn(e -> "SKIPPED".equals(e.get("outcome")))
        .extracting(e -> e.get("name"), e -> e.get("detail"))
        .containsExactlyInAnyOrder(
            tuple("mallory", "not a member of any synchronized group"),
            tuple("heidi", "not a member of any synchronized group"));
    String aliceId = (String) listed.get("alice").get("id");
    Map<String, Object> alice = runs.user(aliceId);
    assertThat(alice).containsEntry("status", "ACTIVE").containsEntry("profileId", profileId)
        .containsEntry("location", "uid=alice," + PEOPLE);
    assertThat((String) alice.get("externalId")).as("entryUUID").matches("[0-9a-f-]{36}");
    assertThat(runs.attributes(aliceId)).containsEntry("email", "alice@example.org")
        .containsEntry("title", "Engineering Manager").containsEntry("company", "Example Corp");
    assertThat(runs.groupNames(aliceId)).containsExactly("engineering");
    String carolId = (String) listed.get("carol").get("id");
    assertThat(runs.groupNames(carolId)).containsExactly("platform");
    String frankId = (String) listed.get("frank").get("id");
    assertThat(runs.groupNames(frankId)).containsExactly("sales");
    assertThat(runs.attributes((String) listed.get("zoe").get("id")))
        .containsEntry("displayName", "Zoë Zimmer");
    String daveId = (String) listed.get("dave").get("id");
    Map<String, Object> dave = runs.user(daveId);
    assertThat(dave).containsEntry("status", "INACTIVE")
        .containsEntry("inactiveReason", "DISABLED_IN_SOURCE");
    Map<String, String> updatedAt = updatedAt(listed);

    // 1b. A second profile with a wrong bind password: the test fails at "bind", a run FAILS and
    // touches nobody.
    String badId = (String) api.post("/api/v1/profiles",
        profileBody("wrong-password", "not-the-password")).expect(201).map().get("id");
    Map<String, Object> badTest = api.post("/api/v1/profiles/" + badId + "/test", Map.of())
        .expect(200).map();
    assertThat(badTest).as("%s", badTest).containsEntry("ok", false);
    assertThat((String) badTest.get("message")).startsWith("bind:").contains("invalid credentials");
    Map<String, Object> badRun = runs.run(badId, "full");
    assertThat(badRun).as("%s", badRun).containsEntry("status", "FAILED");
    assertThat((String) badRun.get("error")).startsWith("bind:").contains("invalid credentials");
    assertThat(api.get("/api/v1/users?profileId=" + badId).expect(200).map()).containsEntry("total", 0);
    assertThat(api.get("/api/v1/audit?runId=" + badRun.get("id")).expect(200).items())
        .as("only the run's own line").extracting(e -> e.get("category"), e -> e.get("action"))
        .containsExactly(tuple("RUN", "run failed"));
    assertThat(updatedAt(runs.usersOf(profileId))).isEqualTo(updatedAt);

    // 3. Directory search: by name, SYNCED; a user added since, NEW; an LDAP filter; a bad filter.
    List<Map<String, Object>> ali = directory(profileId, "q=ali");
    assertThat(ali).filteredOn(h -> "alice".equals(h.get("name"))).singleElement()
        .satisfies(h -> assertThat(h).containsEntry("kind", "USER").containsEntry("status", "SYNCED")
            .containsEntry("rosterId", aliceId).containsEntry("location", "uid=alice," + PEOPLE));
    slapd.seed(ldif("nora.ldif", """
        dn: uid=nora,%1$s
        objectClass: inetOrgPerson
        uid: nora
        cn: Nora North
        sn: North
        givenName: Nora
        mail: nora@example.org
        title: Sales Associate
        userPassword: nora-pass

        dn: cn=sales,%2$s
        changetype: modify
        add: member
        member: uid=nora,%1$s
        """.formatted(PEOPLE, GROUPS)));
    assertThat(directory(profileId, "q=nora")).singleElement()
        .satisfies(h -> {
          assertThat(h).containsEntry("name", "nora").containsEntry("status", "NEW");
          assertThat(h.get("rosterId")).isNull();
        });
    assertThat(directory(profileId, "by=filter&q=(uid=bob)")).singleElement()
        .satisfies(h -> assertThat(h).containsEntry("name", "bob").containsEntry("status", "SYNCED")
            .containsEntry("rosterId", listed.get("bob").get("id")));
    Api.Reply badFilter = api.get("/api/v1/profiles/" + profileId + "/directory?by=filter&q="
        + encode("(uid=bob")).expect(400);
    assertThat(badFilter.contentType()).startsWith("application/problem+json");
    assertThat(badFilter.map()).as("%s", badFilter).containsEntry("field", "q");

    // 4. Passwords are checked against slapd; dave is refused as INACTIVE before any bind.
    assertThat(login("alice", "alice-pass")).containsEntry("accepted", true).containsEntry("userId", aliceId);
    assertThat(login("alice", "wrong")).containsEntry("accepted", false)
        .containsEntry("reason", "unknown user or wrong password");
    assertThat(login("dave", "dave-pass")).containsEntry("accepted", false)
        .containsEntry("reason", "user is INACTIVE");
    assertThat(login("mallory", "whatever")).as("out of scope: never synced")
        .containsEntry("accepted", false).containsEntry("reason", "unknown user or wrong password");

    // 5. In slapd: carol renamed to caroline (modrdn, the old uid value removed), frank moved from
    // sales to backend. An incremental run sees the rename, the moves and nora.
    slapd.modify(ldif("changes.ldif", """
        dn: uid=carol,%1$s
        changetype: modrdn
        newrdn: uid=caroline
        deleteoldrdn: 1

        dn: uid=caroline,%1$s
        changetype: modify
        replace: mail
        mail: caroline@example.org
        -
        replace: userPassword
        userPassword: caroline-pass

        dn: cn=sales,%2$s
        changetype: modify
        delete: member
        member: uid=frank,%1$s

        dn: cn=backend,%2$s
        changetype: modify
        add: member
        member: uid=frank,%1$s

        dn: uid=dave,%1$s
        changetype: modify
        delete: pwdAccountLockedTime

        dn: uid=ivan,%1$s
        changetype: modify
        add: pwdAccountLockedTime
        pwdAccountLockedTime: 000001010000Z
        """.formatted(PEOPLE, GROUPS)));
    Map<String, Object> inc = runs.run(profileId, "incremental");
    assertThat(inc).as("%s", inc).containsEntry("status", "SUCCEEDED").containsEntry("mode", "incremental");
    assertThat(inc.get("error")).as("no fallback to a full read").isNull();
    assertThat(((Number) Runs.counts(inc).get("read")).intValue()).as("an increment reads the changes only")
        .isPositive().isLessThan(IN_SCOPE.size());
    assertThat(Runs.counts(inc)).as("%s", inc).containsEntry("imported", 1).containsEntry("updated", 2)
        .containsEntry("reactivated", 1).containsEntry("disabled", 1).containsEntry("deleted", 0)
        .containsEntry("failed", 0);
    assertThat(runs.user(carolId)).containsEntry("login", "caroline").containsEntry("status", "ACTIVE")
        .containsEntry("location", "uid=caroline," + PEOPLE);
    assertThat(runs.attributes(carolId)).containsEntry("email", "caroline@example.org");
    assertThat(runs.groupNames(carolId)).containsExactly("platform");
    assertThat(runs.idOf("caroline")).isEqualTo(carolId);
    assertThat(api.get("/api/v1/users?q=carol&profileId=" + profileId).expect(200).items())
        .extracting(u -> u.get("login")).containsExactly("caroline");
    assertThat(runs.groupNames(frankId)).containsExactly("backend");
    assertThat(directory(profileId, "by=group&q=sales")).extracting(h -> h.get("name"))
        .containsExactlyInAnyOrder("erin", "rupert", "nora");
    // the password check binds with the new DN
    assertThat(login("caroline", "caroline-pass")).containsEntry("accepted", true)
        .containsEntry("userId", carolId);
    assertThat(login("carol", "caroline-pass")).containsEntry("accepted", false);
    Map<String, Object> nora = runs.userByLogin("nora");
    assertThat(nora).containsEntry("status", "ACTIVE").containsEntry("profileId", profileId);
    assertThat(runs.groupNames((String) nora.get("id"))).containsExactly("sales");
    assertThat(login("nora", "nora-pass")).containsEntry("accepted", true);
    assertThat(directory(profileId, "q=nora")).singleElement()
        .satisfies(h -> assertThat(h).containsEntry("status", "SYNCED"));
    // the lock moved from dave to ivan (ppolicy's pwdAccountLockedTime, the profile's disabledRule)
    assertThat(runs.user(daveId)).containsEntry("status", "ACTIVE");
    assertThat(login("dave", "dave-pass")).containsEntry("accepted", true).containsEntry("userId", daveId);
    String ivanId = (String) listed.get("ivan").get("id");
    assertThat(runs.user(ivanId)).containsEntry("status", "INACTIVE")
        .containsEntry("inactiveReason", "DISABLED_IN_SOURCE");

    // 6. The audit of that run has the rename, before -> after, and frank's groups.
    List<Map<String, Object>> audit = api.get("/api/v1/audit?size=100&runId=" + inc.get("id"))
        .expect(200).items();
    assertThat(audit).filteredOn(e -> "renamed".equals(e.get("action"))).singleElement()
        .satisfies(e -> {
          assertThat(e).containsEntry("objectId", carolId).containsEntry("objectName", "caroline")
              .containsEntry("runId", inc.get("id"));
          assertThat(map(e.get("before"))).containsEntry("login", "carol")
              .containsEntry("email", "carol@example.org");
          assertThat(map(e.get("after"))).containsEntry("login", "caroline")
              .containsEntry("email", "caroline@example.org");
        });
    assertThat(audit).filteredOn(e -> frankId.equals(e.get("objectId"))).singleElement()
        .satisfies(e -> {
          assertThat(map(e.get("before"))).containsEntry("groups", "sales");
          assertThat(map(e.get("after"))).containsEntry("groups", "backend");
        });
    assertThat(audit).filteredOn(e -> "created".equals(e.get("action")))
        .extracting(e -> e.get("objectName")).containsExactly("nora");
    assertThat(audit).filteredOn(e -> "disabled".equals(e.get("action")))
        .extracting(e -> e.get("objectName")).containsExactly("ivan");
    assertThat(audit).filteredOn(e -> "reactivated".equals(e.get("action")))
        .extracting(e -> e.get("objectName")).containsExactly("dave");

    // 5b. walter deleted in slapd: an increment cannot see it (OpenLDAP keeps no tombstones) ...
    String walterId = (String) listed.get("walter").get("id");
    slapd.modify(ldif("delete.ldif", """
        dn: uid=walter,%1$s
        changetype: delete
        """.formatted(PEOPLE)));
    Map<String, Object> blind = runs.run(profileId, "incremental");
    assertThat(blind).as("%s", blind).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(blind)).containsEntry("deleted", 0);
    assertThat(runs.user(walterId)).containsEntry("status", "ACTIVE");

    // 7. ... a dry run computes the deletion and applies nothing ...
    Map<String, Object> dry = runs.run(profileId, "dry-run");
    assertThat(dry).as("%s", dry).containsEntry("status", "SUCCEEDED").containsEntry("mode", "dry-run");
    assertThat(Runs.counts(dry)).as("%s", dry).containsEntry("deleted", 1).containsEntry("imported", 0)
        .containsEntry("updated", 0);
    assertThat(runs.user(walterId)).containsEntry("status", "ACTIVE");
    assertThat(runs.groupNames(walterId)).containsExactly("platform");
    assertThat(api.get("/api/v1/audit?runId=" + dry.get("id")).expect(200).items())
        .as("only the run's own line").extracting(e -> e.get("category"), e -> e.get("action"))
        .containsExactly(tuple("RUN", "run succeeded"));

    // ... and a full run deletes him: 1 of 19 users is within the threshold (10 % of 19 = 1).
    Map<String, Object> full = runs.run(profileId, "full");
    assertThat(full).as("%s", full).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(full)).as("%s", full).containsEntry("deleted", 1).containsEntry("imported", 0)
        .containsEntry("updated", 0).containsEntry("disabled", 0).containsEntry("unchanged", 18);
    Map<String, Object> walter = runs.user(walterId);
    assertThat(walter).containsEntry("status", "DELETED").containsEntry("seat", false);
    assertThat(runs.groupNames(walterId)).isEmpty();
    // a DELETED record is no login candidate (UserStore.findByLogin): refused as unknown
    assertThat(login("walter", "anything")).containsEntry("accepted", false)
        .containsEntry("reason", "unknown user or wrong password");
    assertThat(api.get("/api/v1/audit?runId=" + full.get("id")).expect(200).items())
        .filteredOn(e -> "deleted".equals(e.get("action"))).extracting(e -> e.get("objectName"))
        .containsExactly("walter");
    assertThat(runs.user(aliceId)).containsEntry("status", "ACTIVE");
    assertThat(login("alice", "alice-pass")).containsEntry("accepted", true);
  }

  /** The profile's settings column as the database holds it. */
  private String storedSettings(String profileId) {
    javax.sql.DataSource ds = server.bean(javax.sql.DataSource.class);
    return server.bean(org.roster.application.port.out.Transactions.class).inTransaction(tx -> {
      try (java.sql.PreparedStatement ps = ds.getConnection()
          .prepareStatement("SELECT settings FROM profile WHERE id = ?")) {
        ps.setObject(1, java.util.UUID.fromString(profileId));
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as("profile row %s", profileId).isTrue();
          return rs.getString(1);
        }
      } catch (java.sql.SQLException e) {
        throw new AssertionError("cannot read the profile row", e);
      }
    });
  }

  private Map<String, Object> profileBody(String name, String bindPassword) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("flavour", "openldap");
    settings.put("url", slapd.env("ROSTER_OPENLDAP_LDAPS_URL"));
    settings.put("trustFile", slapd.env("ROSTER_OPENLDAP_CA_PEM"));
    settings.put("bindDn", slapd.env("ROSTER_OPENLDAP_BIND_DN"));
    settings.put("bindPassword", bindPassword);
    settings.put("baseDn", slapd.env("ROSTER_OPENLDAP_BASE_DN"));
    settings.put("disabledRule", Map.of("type", "attributePresent", "attribute", "pwdAccountLockedTime"));
    // no look-back: an increment reads only what changed since the last run (see
    // Slapd.awaitNextSecond), so the incremental steps below really test change detection
    settings.put("overlapSeconds", 0);
    return Map.of("name", name, "type", "ldap", "settings", settings,
        "policy", Map.of("synchronizedGroups", List.of("all-staff")));
  }

  private static Map<String, String> updatedAt(Map<String, Map<String, Object>> users) {
    return users.values().stream().collect(Collectors.toMap(u -> (String) u.get("id"),
        u -> String.valueOf(u.get("updatedAt"))));
  }

  private List<Map<String, Object>> directory(String profileId, String query) {
    int eq = query.lastIndexOf("q=");
    String encoded = query.substring(0, eq + 2) + encode(query.substring(eq + 2));
    return api.get("/api/v1/profiles/" + profileId + "/directory?" + encoded).expect(200).items();
  }

  private Map<String, Object> login(String login, String password) {
    return api.post("/api/v1/auth/login", Map.of("login", login, "password", password)).expect(200).map();
  }

  private Path ldif(String name, String text) throws IOException {
    Path file = dataDir.resolve("ldif").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> settings(Map<String, Object> profile) {
    return map(profile.get("settings"));
  }

  private static Map<String, Object> policy(Map<String, Object> profile) {
    return map(profile.get("policy"));
  }
}
