package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.PasswordVerifier.Verdict;
import org.roster.connector.api.Secret;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;
import org.roster.connector.testkit.RecordingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenLDAP flavour against a real slapd (this module's private instance, started by {@code
 * scripts/slapd.sh}): 2,500 generated users in 40 groups (slapadd) plus the small fixture (nesting
 * cycle, a ppolicy-locked user, groupOfUniqueNames), with the memberof overlay.
 */
class OpenLdapIT {
  private static final Logger LOG = LoggerFactory.getLogger(OpenLdapIT.class);
  private static final String BASE = "dc=example,dc=org";
  private static final String PEOPLE = "ou=people," + BASE;
  private static final String GROUPS = "ou=groups," + BASE;
  private static final int BULK_USERS = 2500;

  private static TestServers.Server slapd;

  @BeforeAll
  static void startSlapd() throws IOException {
    slapd = TestServers.slapd().start();
    Path dir = TestServers.moduleDir().resolve("target/it-data");
    Files.createDirectories(dir);
    Path ldif = dir.resolve("openldap-bulk.ldif");
    run(
        "python3",
        TestServers.repository().resolve("scripts/ldap-testdata/gen-openldap.py").toString(),
        "--users",
        Integer.toString(BULK_USERS),
        "--groups",
        "40",
        "--memberof",
        "-o",
        ldif.toString());
    slapd.command("bulk", ldif.toString());
    slapd.command(
        "seed",
        TestServers.repository().resolve("scripts/ldap-testdata/openldap-small.ldif").toString());
  }

  @AfterAll
  static void stopSlapd() {
    slapd.stopIfStartedHere();
  }

  private static void run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> settings(Map<String, Object> overrides) {
    Map<String, Object> s = new HashMap<>();
    s.put("flavour", "openldap");
    s.put("url", slapd.env("ROSTER_OPENLDAP_URL"));
    s.put("bindDn", slapd.env("ROSTER_OPENLDAP_BIND_DN"));
    s.put("bindPassword", slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    s.put("baseDn", BASE);
    s.put("disabledRule", Map.of("type", "attributePresent", "attribute", "pwdAccountLockedTime"));
    s.putAll(overrides);
    return s;
  }

  private static LdapSource open(Map<String, Object> overrides) {
    return Fixtures.open(
        LdapSettings.from(org.roster.connector.api.RawSettings.of(settings(overrides))));
  }

  private static LDAPConnection admin() throws LDAPException {
    LDAPConnection c =
        new LDAPConnection("127.0.0.1", Integer.parseInt(slapd.env("ROSTER_OPENLDAP_PORT")));
    c.bind(slapd.env("ROSTER_OPENLDAP_BIND_DN"), slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    return c;
  }

  private static Fixtures.Read read(Map<String, Object> overrides) {
    return Fixtures.readAll(
        LdapSettings.from(org.roster.connector.api.RawSettings.of(settings(overrides))));
  }

  @Test
  void readsMoreThanAThousandUsersInPagesWithTheirDirectGroups() throws LDAPException {
    long started = System.nanoTime();
    Fixtures.Read read = read(Map.of());
    LOG.info(
        "full read of {} users, {} groups in {} ms",
        read.users().users().size(),
        read.groups().groups().size(),
        (System.nanoTime() - started) / 1_000_000);
    Map<String, Set<String>> memberOf = new HashMap<>();
    int inetOrgPersons;
    try (LDAPConnection admin = admin()) {
      var entries =
          admin
              .search(BASE, SearchScope.SUB, "(objectClass=inetOrgPerson)", "memberOf")
              .getSearchEntries();
      inetOrgPersons = entries.size();
      for (SearchResultEntry e : entries) {
        Set<String> dns = new HashSet<>();
        String[] values = e.getAttributeValues("memberOf");
        if (values != null) {
          for (String v : values) {
            dns.add(DnKey.of(v));
          }
        }
        memberOf.put(DnKey.of(e.getDN()), dns);
      }
    }
    assertThat(inetOrgPersons).isGreaterThan(BULK_USERS);
    assertThat(read.users().users()).hasSize(inetOrgPersons);
    assertThat(read.users().rejections()).isEmpty();
    Map<String, String> groupDnById = new HashMap<>();
    read.groups().groups().forEach(g -> groupDnById.put(g.externalId(), DnKey.of(g.location())));
    for (SourceUser u : read.users().users()) {
      Set<String> ours = new HashSet<>();
      u.groupIds().forEach(id -> ours.add(groupDnById.get(id)));
      assertThat(ours)
          .as("groups of %s against its memberOf", u.location())
          .isEqualTo(memberOf.get(DnKey.of(u.location())));
    }
  }

  @Test
  void nestedGroupsWithACycleAreDirectRelations() {
    Fixtures.Read read = read(Map.of());
    assertThat(read.parentNames("engineering")).containsExactlyInAnyOrder("platform", "all-staff");
    assertThat(read.parentNames("backend")).containsExactly("engineering");
    assertThat(read.parentNames("platform")).containsExactly("backend");
    assertThat(read.groupNames("heidi"))
        .as("uniqueMember is not read with membershipAttribute member")
        .isEmpty();
    assertThat(read(Map.of("membershipAttribute", "uniqueMember")).groupNames("heidi"))
        .containsExactly("auditors");
  }

  @Test
  void aLockedUserIsDisabledByTheConfiguredRule() {
    Fixtures.Read read = read(Map.of());
    assertThat(read.user("dave").enabled()).isFalse();
    assertThat(read.user("alice").enabled()).isTrue();
  }

  @Test
  void ldapsAndStartTlsWithTheCaFileAndHostNameVerification() {
    String pem = slapd.env("ROSTER_OPENLDAP_CA_PEM");
    String p12 = slapd.env("ROSTER_OPENLDAP_TRUSTSTORE");
    String ldaps = slapd.env("ROSTER_OPENLDAP_LDAPS_URL");
    for (Map<String, Object> tls :
        java.util.List.of(
            Map.<String, Object>of("url", ldaps, "trustFile", pem),
            Map.<String, Object>of(
                "url",
                ldaps.replace("127.0.0.1", "localhost"),
                "trustFile",
                p12,
                "trustStorePassword",
                "changeit"),
            Map.<String, Object>of("startTls", true, "trustFile", pem))) {
      try (LdapSource source = open(tls)) {
        assertThatCode(source::testConnection).as("%s", tls).doesNotThrowAnyException();
        RecordingSink users = RecordingSink.stoppingAfter(3);
        source.readAll(EntryKind.USER, users);
        assertThat(users.entries()).hasSize(3);
      }
    }
    TestCertificates.Issued other =
        TestCertificates.selfSigned(TestServers.moduleDir().resolve("target/it-certs"), "other-ca");
    try (LdapSource source = open(Map.of("url", ldaps, "trustFile", other.pem().toString()))) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith("tls: ");
    }
    try (LdapSource source = open(Map.of("startTls", true, "trustFile", other.pem().toString()))) {
      assertThatThrownBy(source::testConnection).hasMessageStartingWith("tls: ");
    }
  }

  @Test
  void aWrongBindPasswordIsAnAuthenticationFailure() {
    try (LdapSource source = open(Map.of("bindPassword", "not-the-password"))) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceAuthenticationException.class)
          .hasMessageStartingWith("bind: invalid credentials");
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
          .isInstanceOf(SourceAuthenticationException.class);
    }
  }

  @Test
  void passwordsAreCheckedByBindingAsTheUser() {
    Fixtures.Read read = read(Map.of());
    SourceUser alice = read.user("alice");
    SourceUser dave = read.user("dave");
    try (LdapSource source = open(Map.of())) {
      assertThat(
              source.verifyPassword(
                  alice.externalId(), alice.location(), "alice", new Secret("alice-pass")))
          .isEqualTo(Verdict.ACCEPTED);
      assertThat(
              source.verifyPassword(
                  alice.externalId(), alice.location(), "alice", new Secret("bob-pass")))
          .isEqualTo(Verdict.REJECTED);
      assertThat(
              source.verifyPassword(
                  dave.externalId(), dave.location(), "dave", new Secret("dave-pass")))
          .as("locked by ppolicy")
          .isEqualTo(Verdict.REJECTED);
    }
  }

  @Test
  void renamesMovesGroupRenamesMembershipChangesAndDeletions() throws Exception {
    String ou = "ou=it-" + System.currentTimeMillis() + "," + BASE;
    try (LDAPConnection admin = admin()) {
      admin.add(
          "dn: " + ou,
          "objectClass: organizationalUnit",
          "ou: " + ou.substring(3, ou.indexOf(',')));
      admin.add("dn: ou=moved," + ou, "objectClass: organizationalUnit", "ou: moved");
      for (String uid : java.util.List.of("rita", "sam", "tom", "uma")) {
        admin.add(
            "dn: uid=" + uid + "," + ou,
            "objectClass: inetOrgPerson",
            "uid: " + uid,
            "cn: " + uid,
            "sn: X");
      }
      admin.add(
          "dn: cn=team," + ou,
          "objectClass: groupOfNames",
          "cn: team",
          "member: uid=rita," + ou,
          "member: uid=sam," + ou);
      Map<String, Object> profile = Map.of("baseDn", ou, "overlapSeconds", 0);
      Fixtures.Read before = read(profile);
      SyncToken token;
      try (LdapSource source = open(profile)) {
        token = source.currentToken();
      }
      Thread.sleep(1100 - System.currentTimeMillis() % 1000);
      admin.modifyDN("uid=rita," + ou, "uid=rita2", true);
      admin.modifyDN("uid=tom," + ou, "uid=tom", true, "ou=moved," + ou);
      admin.modifyDN("cn=team," + ou, "cn=crew", true);
      admin.modify(
          "cn=crew," + ou, new Modification(ModificationType.ADD, "member", "uid=uma," + ou));
      admin.modify(
          "cn=crew," + ou, new Modification(ModificationType.DELETE, "member", "uid=sam," + ou));
      admin.delete("uid=uma," + ou);
      admin.add("dn: uid=uma," + ou, "objectClass: inetOrgPerson", "uid: uma", "cn: uma", "sn: X");
      admin.modify(
          "cn=crew," + ou, new Modification(ModificationType.ADD, "member", "uid=uma," + ou));
      Thread.sleep(1100 - System.currentTimeMillis() % 1000);

      Fixtures.Read after = read(profile);
      assertThat(after.user("rita2").externalId()).isEqualTo(before.user("rita").externalId());
      assertThat(after.user("tom").externalId()).isEqualTo(before.user("tom").externalId());
      assertThat(after.user("tom").location()).isEqualTo("uid=tom,ou=moved," + ou);
      assertThat(after.groupsByName().get("crew").externalId())
          .isEqualTo(before.groupsByName().get("team").externalId());
      assertThat(after.user("uma").externalId())
          .as("deleted and re-created: a new entry")
          .isNotEqualTo(before.user("uma").externalId());
      assertThat(after.users().users())
          .extracting(SourceUser::externalId)
          .doesNotContain(before.user("uma").externalId());

      MembersSink groups = new MembersSink();
      RecordingSink users = new RecordingSink();
      RecordingSink again = new RecordingSink();
      String crewId = after.groupsByName().get("crew").externalId();
      try (LdapSource source = open(profile)) {
        source.readChanges(EntryKind.GROUP, token, groups);
        source.readChanges(EntryKind.USER, token, users);
        source.readUsers(java.util.List.of(before.user("sam").externalId()), again);
      }
      assertThat(groups.recorded.groups()).extracting(SourceGroup::name).containsExactly("crew");
      assertThat(groups.members)
          .as("crew's complete user members: sam left")
          .containsExactly(
              Map.entry(
                  crewId,
                  java.util.Set.of(
                      after.user("rita2").externalId(), after.user("uma").externalId())));
      Map<String, SourceUser> changed = users.usersByLogin();
      assertThat(changed).containsKeys("rita2", "tom", "uma");
      assertThat(again.usersByLogin().get("sam").groupIds())
          .as("sam left crew (memberof does not touch his modifyTimestamp): read again by id")
          .isEmpty();
      assertThat(changed.get("uma").groupIds()).containsExactly(crewId);
      assertThat(users.deletions()).as("OpenLDAP shows no deletions incrementally").isEmpty();
    }
  }

  @Test
  void theServerGoingAwayMidReadFailsTheReadAsUnavailable() {
    AtomicInteger seen = new AtomicInteger();
    try (LdapSource source = open(Map.of("pageSize", 200))) {
      RecordingSink groups = new RecordingSink();
      source.readAll(EntryKind.GROUP, groups);
      org.roster.connector.api.EntrySink stopping =
          new org.roster.connector.api.EntrySink() {
            @Override
            public boolean accept(SourceEntry entry) {
              if (seen.incrementAndGet() == 300) {
                slapd.stopNow();
              }
              return true;
            }

            @Override
            public boolean reject(org.roster.connector.api.RejectedEntry rejected) {
              return true;
            }
          };
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, stopping))
          .isInstanceOf(SourceUnavailableException.class);
      assertThat(seen.get()).isBetween(300, 1000);
    } finally {
      slapd.command("start");
    }
  }
}
