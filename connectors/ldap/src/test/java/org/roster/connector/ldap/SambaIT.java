package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.PasswordVerifier.Verdict;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.Secret;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;
import org.roster.connector.testkit.RecordingSink;

/**
 * The AD flavour against a real Samba AD DC ({@code scripts/samba-ad.sh}): the {@code seed-small}
 * directory (OU=Staff, OU=Bulk with 1,600 users, big-group with 1,601 members, a nesting cycle, a
 * disabled user, a moved user) and an OU of this class for changes.
 */
class SambaIT {
  private static final String OU_PREFIX = "rl-it-";
  private static TestServers.Server samba;
  private static SambaDirectory directory;
  private static String base;

  @BeforeAll
  static void startSamba() throws LDAPException {
    samba = TestServers.samba().start();
    samba.command("seed-small");
    directory = new SambaDirectory(samba);
    base = directory.base();
    try (LDAPConnection admin = directory.admin()) {
      directory.deleteOus(admin, OU_PREFIX);
    }
  }

  @AfterAll
  static void stopSamba() throws LDAPException {
    try (LDAPConnection admin = directory.admin()) {
      directory.deleteOus(admin, OU_PREFIX);
    }
    samba.stopIfStartedHere();
  }

  private static Map<String, Object> seeded(Map<String, Object> overrides) {
    Map<String, Object> s = directory.settings(base);
    s.put("userBaseDns", List.of("OU=Staff," + base, "OU=Moved," + base, "OU=Bulk," + base));
    s.put("groupBaseDns", List.of("OU=Groups," + base));
    s.putAll(overrides);
    return s;
  }

  private static LdapSettings settings(Map<String, Object> values) {
    return LdapSettings.from(RawSettings.of(values));
  }

  @Test
  void readsPastAdsPageCapAndABigGroupInRanges() {
    Fixtures.Read read = Fixtures.readAll(settings(seeded(Map.of())));
    assertThat(read.users().users()).hasSizeGreaterThan(1600);
    assertThat(read.users().rejections()).isEmpty();
    String big = read.groupsByName().get("big-group").externalId();
    long inBig = read.users().users().stream().filter(u -> u.groupIds().contains(big)).count();
    assertThat(inBig).as("members of big-group (1,600 bulk users and alice)").isEqualTo(1601);
    assertThat(read.groupNames("alice")).containsExactlyInAnyOrder("engineering", "big-group");
    assertThat(read.user("mallory").location()).startsWith("CN=Mallory Moore,OU=Moved,");
    assertThat(read.groupNames("mallory")).containsExactly("contractors");
  }

  @Test
  void searchingFromTheDomainRootIgnoresReferrals() {
    Map<String, Object> s = directory.settings(base);
    Fixtures.Read read = Fixtures.readAll(settings(s));
    assertThat(read.users().usersByLogin()).containsKeys("alice", "Administrator", "bulk0001");
  }

  @Test
  void nestedGroupsDisabledUsersAndTheMapping() {
    Fixtures.Read read = Fixtures.readAll(settings(seeded(Map.of())));
    assertThat(read.parentNames("engineering")).containsExactlyInAnyOrder("platform", "all-staff");
    assertThat(read.parentNames("backend")).containsExactly("engineering");
    assertThat(read.parentNames("platform")).containsExactly("backend");
    assertThat(read.user("dave").enabled()).isFalse();
    assertThat(read.user("alice").enabled()).isTrue();
    assertThat(read.user("zoe").attributes())
        .containsEntry("displayName", "Zoë Zimmer")
        .containsEntry("department", "Engineering")
        .containsEntry("company", "Example Corp")
        .containsEntry("email", "zoe@roster.test");
  }

  @Test
  void objectGuidsMatchTheGuidStringsTheDcItselfShows() throws LDAPException {
    SourceUser alice = Fixtures.readAll(settings(seeded(Map.of()))).user("alice");
    try (LDAPConnection admin = directory.admin()) {
      SearchRequest request =
          new SearchRequest(alice.location(), SearchScope.BASE, "(objectClass=*)", "1.1");
      request.addControl(
          new Control(
              "1.2.840.113556.1.4.529",
              false,
              new ASN1OctetString(new ASN1Sequence(new ASN1Integer(1)).encode())));
      SearchResultEntry e = admin.search(request).getSearchEntries().get(0);
      Matcher m = Pattern.compile("<GUID=([0-9a-fA-F-]{36})>").matcher(e.getDN());
      assertThat(m.find()).as("extended DN %s", e.getDN()).isTrue();
      assertThat(alice.externalId()).isEqualTo(m.group(1).toLowerCase());
    }
  }

  @Test
  void theGroupMembersMacroAndTheInChainScope() {
    Map<String, Object> macro =
        seeded(Map.of("groupMembersFilter", "(&(objectClass=user)(memberOf=[#LDAPGroupDN#]))"));
    Fixtures.Read byMacro = Fixtures.readAll(settings(macro));
    assertThat(byMacro.groupNames("bob")).containsExactly("backend");
    assertThat(byMacro.groupNames("alice")).containsExactlyInAnyOrder("engineering", "big-group");

    Map<String, Object> chain =
        seeded(
            Map.of(
                "nestedGroupsInChain",
                true,
                "groupsFilter",
                "(&(objectClass=group)(cn=engineering))"));
    Fixtures.Read inChain = Fixtures.readAll(settings(chain));
    assertThat(inChain.users().usersByLogin().keySet())
        .containsExactlyInAnyOrder(
            "alice", "niaj", "olivia", "zoe", "bob", "dave", "ivan", "victor", "carol", "grace",
            "walter");
  }

  @Test
  void bindNamesTlsAndAWrongPassword() {
    String upn = samba.env("ROSTER_SAMBA_BIND_UPN");
    String dn = samba.env("ROSTER_SAMBA_BIND_DN");
    String downLevel = samba.env("ROSTER_SAMBA_DOMAIN") + "\\Administrator";
    String ldaps = samba.env("ROSTER_SAMBA_LDAPS_URL");
    String pem = samba.env("ROSTER_SAMBA_CA_PEM");
    List<Map<String, Object>> good =
        List.of(
            Map.of("bindDn", upn),
            Map.of("bindDn", dn),
            Map.of("bindDn", downLevel),
            Map.of("url", ldaps, "trustFile", pem),
            Map.of(
                "url",
                ldaps.replace("127.0.0.1", "localhost"),
                "trustFile",
                samba.env("ROSTER_SAMBA_TRUSTSTORE"),
                "trustStorePassword",
                "changeit"),
            Map.of("startTls", true, "trustFile", pem));
    for (Map<String, Object> overrides : good) {
      try (LdapSource source = Fixtures.open(settings(seeded(overrides)))) {
        assertThatCode(source::testConnection).as("%s", overrides).doesNotThrowAnyException();
      }
    }
    TestCertificates.Issued other =
        TestCertificates.selfSigned(TestServers.moduleDir().resolve("target/it-certs"), "other-ca");
    try (LdapSource source =
        Fixtures.open(
            settings(seeded(Map.of("url", ldaps, "trustFile", other.pem().toString()))))) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith("tls: ");
    }
    try (LdapSource source =
        Fixtures.open(settings(seeded(Map.of("bindPassword", "Wrong-secret9"))))) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceAuthenticationException.class)
          .hasMessage("bind: invalid credentials (AD data 52e: wrong password)");
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
          .isInstanceOf(SourceAuthenticationException.class);
    }
  }

  @Test
  void passwordsAreCheckedByBindingAsTheUserEvenAfterAMove() throws Exception {
    Fixtures.Read read = Fixtures.readAll(settings(seeded(Map.of())));
    SourceUser alice = read.user("alice");
    SourceUser dave = read.user("dave");
    try (LdapSource source = Fixtures.open(settings(seeded(Map.of())))) {
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
          .as("disabled (514)")
          .isEqualTo(Verdict.REJECTED);
    }
    String ou;
    try (LDAPConnection admin = directory.admin()) {
      ou = directory.createOu(admin, OU_PREFIX + "pw-" + System.currentTimeMillis() % 100000);
    }
    try (LDAPConnection secure = secureAdmin()) {
      secure.add(
          "CN=walker,OU=people," + ou,
          new Attribute("objectClass", "user"),
          new Attribute("sAMAccountName", "rl-walker"),
          new Attribute("userAccountControl", "512"),
          new Attribute("unicodePwd", "\"Walker-pass1\"".getBytes(StandardCharsets.UTF_16LE)));
    }
    Map<String, Object> profile = directory.settings(ou);
    SourceUser walker = Fixtures.readAll(settings(profile)).user("rl-walker");
    try (LDAPConnection admin = directory.admin()) {
      admin.modifyDN(walker.location(), "CN=walker", true, "OU=groups," + ou);
    }
    try (LdapSource source = Fixtures.open(settings(profile))) {
      assertThat(
              source.verifyPassword(
                  walker.externalId(), walker.location(), "rl-walker", new Secret("Walker-pass1")))
          .isEqualTo(Verdict.ACCEPTED);
      assertThat(
              source.verifyPassword(
                  walker.externalId(), walker.location(), "rl-walker", new Secret("nope")))
          .isEqualTo(Verdict.REJECTED);
    }
  }

  private static LDAPConnection secureAdmin() throws Exception {
    SSLUtil ssl =
        new SSLUtil(
            new TrustStoreTrustManager(
                samba.env("ROSTER_SAMBA_TRUSTSTORE"), "changeit".toCharArray(), "PKCS12", true));
    LDAPConnection c =
        new LDAPConnection(
            ssl.createSSLSocketFactory(),
            samba.env("ROSTER_SAMBA_HOST"),
            Integer.parseInt(samba.env("ROSTER_SAMBA_LDAPS_PORT")));
    c.bind(samba.env("ROSTER_SAMBA_BIND_DN"), samba.env("ROSTER_SAMBA_BIND_PASSWORD"));
    return c;
  }

  @Test
  void incrementalSeesRenamesMovesMembershipChangesAndDeletions() throws LDAPException {
    String ou;
    try (LDAPConnection admin = directory.admin()) {
      ou = directory.createOu(admin, OU_PREFIX + "inc-" + System.currentTimeMillis() % 100000);
      admin.add("OU=moved," + ou, new Attribute("objectClass", "organizationalUnit"));
      for (String name : List.of("rita", "sam", "tom", "uma", "vic")) {
        admin.add(
            "CN=" + name + ",OU=people," + ou,
            new Attribute("objectClass", "user"),
            new Attribute("sAMAccountName", "rl-" + name),
            new Attribute("userAccountControl", "512"));
      }
      group(admin, ou, "crew", "rita", "sam");
      group(admin, ou, "squad", "tom");
    }
    Map<String, Object> profile = directory.settings(ou);
    Fixtures.Read before = Fixtures.readAll(settings(profile));
    assertThat(before.groupNames("rl-sam")).containsExactly("crew");
    SyncToken token;
    try (LdapSource source = Fixtures.open(settings(profile))) {
      token = source.currentToken();
    }
    try (LDAPConnection admin = directory.admin()) {
      String crew = "CN=crew,OU=groups," + ou;
      admin.modify(
          crew, new Modification(ModificationType.ADD, "member", "CN=uma,OU=people," + ou));
      admin.modify(
          crew, new Modification(ModificationType.DELETE, "member", "CN=sam,OU=people," + ou));
      admin.modifyDN(crew, "CN=crew2", true);
      admin.modify(
          "CN=rita,OU=people," + ou,
          new Modification(ModificationType.REPLACE, "sAMAccountName", "rl-rita2"));
      admin.modifyDN("CN=rita,OU=people," + ou, "CN=rita2", true);
      admin.modifyDN("CN=tom,OU=people," + ou, "CN=tom", true, "OU=moved," + ou);
      admin.delete("CN=squad,OU=groups," + ou);
      admin.delete("CN=vic,OU=people," + ou);
    }
    RecordingSink groups = new RecordingSink();
    RecordingSink users = new RecordingSink();
    SyncToken groupsNext;
    SyncToken usersNext;
    try (LdapSource source = Fixtures.open(settings(profile))) {
      groupsNext = source.readChanges(EntryKind.GROUP, token, groups);
      usersNext = source.readChanges(EntryKind.USER, token, users);
    }
    assertThat(usersNext).as("both kinds return the same token").isEqualTo(groupsNext);
    String crewId = before.groupsByName().get("crew").externalId();
    assertThat(groups.groups()).extracting(SourceGroup::externalId).contains(crewId);
    assertThat(
            groups.groups().stream()
                .filter(g -> g.externalId().equals(crewId))
                .findFirst()
                .orElseThrow()
                .name())
        .isEqualTo("crew2");
    assertThat(groups.deleted(EntryKind.GROUP))
        .contains(before.groupsByName().get("squad").externalId());

    Map<String, SourceUser> changed = users.usersByLogin();
    assertThat(changed.get("rl-uma").groupIds()).containsExactly(crewId);
    assertThat(changed).as("sam left crew: only DirSync tells").containsKey("rl-sam");
    assertThat(changed.get("rl-sam").groupIds()).isEmpty();
    assertThat(changed.get("rl-rita2").externalId()).isEqualTo(before.user("rl-rita").externalId());
    assertThat(changed.get("rl-tom").externalId()).isEqualTo(before.user("rl-tom").externalId());
    assertThat(changed.get("rl-tom").location()).isEqualTo("CN=tom,OU=moved," + ou);
    assertThat(users.deleted(EntryKind.USER)).contains(before.user("rl-vic").externalId());

    RecordingSink nothing = new RecordingSink();
    try (LdapSource source = Fixtures.open(settings(profile))) {
      source.readChanges(EntryKind.USER, usersNext, nothing);
    }
    assertThat(nothing.entries()).as("nothing changed since the returned token").isEmpty();

    String[] parts = token.value().split("\\|");
    parts[2] = "00000000-0000-0000-0000-000000000000";
    SyncToken otherDc = new SyncToken(String.join("|", parts));
    try (LdapSource source = Fixtures.open(settings(profile))) {
      assertThatThrownBy(() -> source.readChanges(EntryKind.USER, otherDc, new RecordingSink()))
          .isInstanceOf(FullSyncRequiredException.class)
          .hasMessageContaining("another domain controller");
    }
  }

  private static void group(LDAPConnection admin, String ou, String name, String... members)
      throws LDAPException {
    List<String> dns =
        java.util.Arrays.stream(members).map(m -> "CN=" + m + ",OU=people," + ou).toList();
    admin.add(
        "CN=" + name + ",OU=groups," + ou,
        new Attribute("objectClass", "group"),
        new Attribute("sAMAccountName", "rl-" + name + "-" + System.nanoTime() % 100000),
        new Attribute("member", dns));
  }
}
