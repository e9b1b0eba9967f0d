package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Membership changes that an OpenLDAP incremental run must follow (DESIGN rules 7 and 12:
 * "membership changes follow"; "added back, the user is reactivated"), against the real slapd of
 * {@link LdapFlowContract}, on H2. Each test fails on the current main code; see the report of the
 * session that wrote them:
 *
 * <ul>
 *   <li>{@link #aMemberWhoLeavesAGroupLosesItInTheNextIncrementalRun}: the connector relies on the
 *       memberof overlay giving a member who leaves a group a new {@code modifyTimestamp}; slapd
 *       2.5's overlay updates {@code memberOf} without touching {@code modifyTimestamp}, so the
 *       member is never read again and keeps the group until the next full run.
 *   <li>{@link #aGroupTakenOutOfItsParentIsSeenByTheNextIncrementalRun}: the same for a group: the
 *       increment emits the changed parent and its current children only, so the former child
 *       keeps its old parent (and its members their scope) until the next full run.
 *   <li>{@link #aNestingChangeReachesUsersWhoAreNotReadAgain}: an incremental run that sees a
 *       change of group nesting re-evaluates only the users it read, yet saves the new scope
 *       fingerprint; the users whose effective groups changed are therefore skipped as unchanged
 *       by every later run, full runs included.
 * </ul>
 *
 * The profile looks back 0 seconds ({@code overlapSeconds}) and its first run starts in a later
 * second than the seed ({@link Slapd#awaitNextSecond}), so that an increment reads what changed
 * and nothing else, as it does in any directory whose entries were not all written in the last
 * minute.
 */
class LdapIncrementalMembershipIT {
  private static final String PEOPLE = "ou=people,dc=example,dc=org";
  private static final String GROUPS = "ou=groups,dc=example,dc=org";
  /** Members of all-staff only through engineering → backend → platform (and dave: no rule). */
  private static final List<String> UNDER_ENGINEERING = List.of("alice", "niaj", "olivia", "zoe",
      "bob", "dave", "ivan", "victor", "carol", "grace", "walter");

  @TempDir Path dataDir;
  private Slapd slapd;
  private RosterServer server;
  private Api api;
  private Runs runs;

  @BeforeEach
  void boot() {
    slapd = Slapd.fresh(Slapd.repository().resolve("scripts/ldap-testdata/openldap-small.ldif"));
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
      if (slapd != null) {
        slapd.stop();
      }
    }
  }

  @Test
  void aMemberWhoLeavesAGroupLosesItInTheNextIncrementalRun() throws IOException {
    String profileId = createProfile(Map.of("requireGroupMembership", false));
    slapd.awaitNextSecond();
    assertThat(runs.run(profileId, "full")).containsEntry("status", "SUCCEEDED");
    String erin = runs.idOf("erin");
    assertThat(runs.groupNames(erin)).containsExactly("sales");

    // erin leaves sales and joins nothing else
    slapd.modify(ldif("leave.ldif", """
        dn: cn=sales,%s
        changetype: modify
        delete: member
        member: uid=erin,%s
        """.formatted(GROUPS, PEOPLE)));

    Map<String, Object> inc = runs.run(profileId, "incremental");
    assertThat(inc).as("%s", inc).containsEntry("status", "SUCCEEDED");
    assertThat(runs.groupNames(erin)).as("erin's groups after the incremental run %s", inc).isEmpty();
  }

  @Test
  void aGroupTakenOutOfItsParentIsSeenByTheNextIncrementalRun() throws IOException {
    String profileId = createProfile(Map.of("requireGroupMembership", false,
        "synchronizeOnlyGroups", true));
    slapd.awaitNextSecond();
    Map<String, Object> first = runs.run(profileId, "full");
    assertThat(first).as("%s", first).containsEntry("status", "SUCCEEDED");
    for (String login : UNDER_ENGINEERING) {
      assertThat(runs.userByLogin(login)).as(login).containsEntry("status", "ACTIVE");
    }

    // engineering leaves all-staff: engineering, backend and platform lose their way to all-staff
    slapd.modify(ldif("unnest.ldif", """
        dn: cn=all-staff,%1$s
        changetype: modify
        delete: member
        member: cn=engineering,%1$s
        """.formatted(GROUPS)));

    Map<String, Object> inc = runs.run(profileId, "incremental");
    assertThat(inc).as("%s", inc).containsEntry("status", "SUCCEEDED");
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(Runs.counts(inc)).as("incremental run %s", inc)
        .containsEntry("disabled", UNDER_ENGINEERING.size());
    soft.assertThat(statuses()).as("after the incremental run")
        .allSatisfy((login, status) -> assertThat(status).as(login).isEqualTo("INACTIVE"));
    soft.assertAll();
  }

  @Test
  void aNestingChangeReachesUsersWhoAreNotReadAgain() throws IOException {
    // engineering is out of all-staff when the profile first runs: everybody under it is
    // imported INACTIVE (synchronizeOnlyGroups, OUT_OF_GROUPS)
    slapd.modify(ldif("unnest.ldif", """
        dn: cn=all-staff,%1$s
        changetype: modify
        delete: member
        member: cn=engineering,%1$s
        """.formatted(GROUPS)));
    String profileId = createProfile(Map.of("requireGroupMembership", false,
        "synchronizeOnlyGroups", true));
    slapd.awaitNextSecond();
    Map<String, Object> first = runs.run(profileId, "full");
    assertThat(first).as("%s", first).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(first)).containsEntry("imported", 20);
    for (String login : UNDER_ENGINEERING) {
      assertThat(runs.userByLogin(login)).as(login).containsEntry("status", "INACTIVE")
          .containsEntry("inactiveReason", "OUT_OF_GROUPS");
    }
    assertThat(runs.userByLogin("judy")).containsEntry("status", "ACTIVE");

    // engineering is put back into all-staff: one modify of all-staff
    slapd.modify(ldif("nest.ldif", """
        dn: cn=all-staff,%1$s
        changetype: modify
        add: member
        member: cn=engineering,%1$s
        """.formatted(GROUPS)));
    Map<String, Object> inc = runs.run(profileId, "incremental");
    assertThat(inc).as("%s", inc).containsEntry("status", "SUCCEEDED");
    Map<String, Object> afterIncremental = statuses();
    // a full run reads every user: at the latest it must put them right
    Map<String, Object> full = runs.run(profileId, "full");
    assertThat(full).as("%s", full).containsEntry("status", "SUCCEEDED");
    Map<String, Object> afterFull = statuses();

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(Runs.counts(inc)).as("incremental run %s", inc)
        .containsEntry("reactivated", UNDER_ENGINEERING.size());
    soft.assertThat(afterIncremental).as("after the incremental run")
        .allSatisfy((login, status) -> assertThat(status).as(login).isEqualTo("ACTIVE"));
    soft.assertThat(afterFull).as("after the FULL run that followed it (%s)", full)
        .allSatisfy((login, status) -> assertThat(status).as(login).isEqualTo("ACTIVE"));
    soft.assertAll();
  }

  private Map<String, Object> statuses() {
    Map<String, Object> statuses = new LinkedHashMap<>();
    for (String login : UNDER_ENGINEERING) {
      statuses.put(login, runs.userByLogin(login).get("status"));
    }
    return statuses;
  }

  private String createProfile(Map<String, Object> policy) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("flavour", "openldap");
    settings.put("url", slapd.env("ROSTER_OPENLDAP_LDAPS_URL"));
    settings.put("trustFile", slapd.env("ROSTER_OPENLDAP_CA_PEM"));
    settings.put("bindDn", slapd.env("ROSTER_OPENLDAP_BIND_DN"));
    settings.put("bindPassword", slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    settings.put("baseDn", slapd.env("ROSTER_OPENLDAP_BASE_DN"));
    settings.put("overlapSeconds", 0);
    Map<String, Object> fullPolicy = new LinkedHashMap<>(policy);
    fullPolicy.put("synchronizedGroups", List.of("all-staff"));
    fullPolicy.put("threshold", Map.of("percent", 100));
    return (String) api.post("/api/v1/profiles", Map.of("name", "membership", "type", "ldap",
        "settings", settings, "policy", fullPolicy)).expect(201).map().get("id");
  }

  private Path ldif(String name, String text) throws IOException {
    Path file = dataDir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
