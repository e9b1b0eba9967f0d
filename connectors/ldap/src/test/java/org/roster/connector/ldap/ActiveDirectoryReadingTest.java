package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;

/**
 * The AD flavour against AD-like entries in a schema-less in-memory directory that serves {@code
 * member;range=...} windows as AD does ({@link RangedRetrievalInterceptor}).
 */
class ActiveDirectoryReadingTest {
  /** Wire bytes of {3F2504E0-4F89-11D3-9A0C-0305E82C3301}: the first three fields little-endian. */
  static final byte[] KNOWN_GUID = HexFormat.of().parseHex("e004253f894fd3119a0c0305e82c3301");

  private final RangedRetrievalInterceptor ranges = new RangedRetrievalInterceptor(10);
  private final InMemoryLdap ldap = InMemoryLdap.schemaless(ranges);
  private int guids;

  @AfterEach
  void stop() {
    ldap.close();
  }

  private byte[] nextGuid() {
    byte[] g = KNOWN_GUID.clone();
    g[15] = (byte) guids++;
    return g;
  }

  private String user(String sam, String uac, byte[] guid) throws LDAPException {
    String dn = "CN=" + sam + "," + InMemoryLdap.PEOPLE;
    Entry e =
        new Entry(
            dn,
            new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
            new Attribute("objectCategory", "person"),
            new Attribute("sAMAccountName", sam),
            new Attribute("displayName", sam.toUpperCase()),
            new Attribute("department", "Engineering"),
            new Attribute("company", "Example Corp"),
            new Attribute("userAccountControl", uac));
    if (guid != null) {
      e.addAttribute(new Attribute("objectGUID", guid));
    }
    ldap.server().add(e);
    return dn;
  }

  private Map<String, Object> settings() {
    Map<String, Object> s = ldap.openldapSettings(Map.of());
    s.put("flavour", "activeDirectory");
    return s;
  }

  @Test
  void readUsersFindsUsersByTheirObjectGuid() throws LDAPException {
    user("ann", "512", nextGuid());
    byte[] bob = nextGuid();
    user("bob", "512", bob);
    org.roster.connector.testkit.RecordingSink sink = new org.roster.connector.testkit.RecordingSink();
    try (LdapSource source = Fixtures.open(ldap.settings(settings()))) {
      source.readUsers(List.of(ObjectGuid.render(bob), "not-a-guid"), sink);
    }
    assertThat(sink.usersByLogin()).containsOnlyKeys("bob");
    assertThat(sink.usersByLogin().get("bob").externalId()).isEqualTo(ObjectGuid.render(bob));
  }

  @Test
  void rendersObjectGuidInAdByteOrder() throws LDAPException {
    user("ann", "512", KNOWN_GUID);
    SourceUser ann = Fixtures.readAll(ldap.settings(settings())).user("ann");
    assertThat(ann.externalId()).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(ann.attributes())
        .containsEntry(UserFields.DISPLAY_NAME, "ANN")
        .containsEntry(UserFields.DEPARTMENT, "Engineering")
        .containsEntry(UserFields.COMPANY, "Example Corp");
  }

  @Test
  void userAccountControlBit2MeansDisabled() throws LDAPException {
    user("ann", "512", nextGuid());
    user("dave", "514", nextGuid());
    user("neg", "-2147483134", nextGuid());
    Fixtures.Read read = Fixtures.readAll(ldap.settings(settings()));
    assertThat(read.user("ann").enabled()).isTrue();
    assertThat(read.user("dave").enabled()).isFalse();
    assertThat(read.user("neg").enabled()).as("0x80000202 as AD's signed 32-bit text").isFalse();
  }

  @Test
  void anUnparsableGuidIsRejectedWithTheDn() throws LDAPException {
    user("ann", "512", nextGuid());
    String bad = user("bad", "512", new byte[] {1, 2, 3});
    Fixtures.Read read = Fixtures.readAll(ldap.settings(settings()));
    assertThat(read.users().usersByLogin()).containsOnlyKeys("ann");
    RejectedEntry rejected = read.users().rejections().get(0);
    assertThat(rejected.location()).isEqualTo(bad);
    assertThat(rejected.reason()).contains("objectGUID").contains("3 bytes");
  }

  @Test
  void readsBigGroupsInBoundedWindows() throws LDAPException {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      members.add(user(String.format("u%02d", i), "512", nextGuid()));
    }
    ldap.server()
        .add(
            new Entry(
                "CN=big," + InMemoryLdap.GROUPS,
                new Attribute("objectClass", "top", "group"),
                new Attribute("cn", "big"),
                new Attribute("objectGUID", nextGuid()),
                new Attribute("member", members)));
    Fixtures.Read read = Fixtures.readAll(ldap.settings(settings()));
    assertThat(read.users().users()).hasSize(25).allMatch(u -> !u.groupIds().isEmpty());
    assertThat(ranges.windows.get()).as("windows 0-9, 10-19, 20-*").isEqualTo(3);
  }
}
