package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SyncToken;

/** The small pure pieces: GUIDs, flags, ranges, DN keys, tokens, failure translation. */
class UnitsTest {

  @Test
  void guidRendersAndParsesInAdByteOrder() {
    assertThat(ObjectGuid.render(ActiveDirectoryReadingTest.KNOWN_GUID))
        .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(ObjectGuid.parse("3F2504E0-4F89-11D3-9A0C-0305E82C3301"))
        .containsExactly(ActiveDirectoryReadingTest.KNOWN_GUID);
    assertThatThrownBy(() -> ObjectGuid.render(new byte[15]))
        .isInstanceOf(MalformedEntryException.class);
    assertThatThrownBy(() -> ObjectGuid.parse("not-a-guid"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accountControlFlags() {
    assertThat(new AdAccountControl(512).disabled()).isFalse();
    assertThat(new AdAccountControl(514).disabled()).isTrue();
    assertThat(AdAccountControl.parse("66050").disabled()).isTrue();
    assertThat(AdAccountControl.parse("-2147483134").bits()).isEqualTo(0x80000202L);
  }

  @Test
  void anUnreadableDisabledStateRejectsTheEntryInsteadOfEnablingIt() {
    Entry garbled = new Entry("uid=x,dc=example", new Attribute("userAccountControl", "five"));
    assertThat(new DisabledRule.AccountControl().disabled(
            new Entry("uid=y,dc=example", new Attribute("userAccountControl", "514"))))
        .isTrue();
    assertThatThrownBy(() -> new DisabledRule.AccountControl().disabled(garbled))
        .isInstanceOf(MalformedEntryException.class)
        .hasMessageContaining("userAccountControl 'five' is not a number");
  }

  @Test
  void rangeOptionsParse() {
    assertThat(RangedValues.parse("member;range=0-1499")).contains(new RangedValues.Range(0, 1499));
    assertThat(RangedValues.parse("member;Range=1500-*"))
        .contains(new RangedValues.Range(1500, -1));
    assertThat(RangedValues.parse("member")).isEmpty();
    assertThat(RangedValues.firstWindow("member")).isEqualTo("member;range=0-1499");
  }

  @Test
  void dnKeysIgnoreCaseAndSpacing() {
    assertThat(DnKey.of("CN=Ann,OU=People,DC=Example"))
        .isEqualTo(DnKey.of("cn=ann,ou=people,dc=example"));
    assertThat(DnKey.of("cn=Ann, ou=People")).isEqualTo(DnKey.of("cn=ann,ou=people"));
    assertThat(DnKey.of("cn=A\\, B,ou=x")).isEqualTo(DnKey.of("CN=a\\2C b,OU=X"));
    assertThat(DnKey.of("cn=Zoë,ou=x")).isEqualTo(DnKey.of("CN=ZOË,OU=x"));
  }

  @Test
  void tokensRoundTripAndForeignOnesAskForAFullSync() {
    LdapToken t =
        new LdapToken(Flavour.OPENLDAP, "-", "20240101000000Z", Instant.ofEpochSecond(42), "-");
    assertThat(LdapToken.parse(t.toSyncToken(), Flavour.OPENLDAP)).isEqualTo(t);
    assertThatThrownBy(() -> LdapToken.parse(t.toSyncToken(), Flavour.ACTIVE_DIRECTORY))
        .isInstanceOf(FullSyncRequiredException.class)
        .hasMessageContaining("flavour");
    assertThatThrownBy(() -> LdapToken.parse(new SyncToken("csv|1"), Flavour.OPENLDAP))
        .isInstanceOf(FullSyncRequiredException.class);
    assertThatThrownBy(
            () ->
                LdapToken.parse(new SyncToken("ldap1|openldap|-|x|notanumber|-"), Flavour.OPENLDAP))
        .isInstanceOf(FullSyncRequiredException.class);
  }

  @Test
  void csnTimesAreReadToTheSecond() {
    assertThat(ModifyTimestampStrategy.csnTime("20240102030405.123456Z#000000#000#000000"))
        .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
  }

  @Test
  void adBindSubCodesAreExplained() {
    LDAPException e =
        new LDAPException(
            ResultCode.INVALID_CREDENTIALS,
            "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e,"
                + " v4563");
    assertThat(LdapFailures.translate("bind", e))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessage("bind: invalid credentials (AD data 52e: wrong password)");
    LDAPException locked =
        new LDAPException(
            ResultCode.INVALID_CREDENTIALS, "AcceptSecurityContext error, data 775, v1db1");
    assertThat(LdapFailures.translate("bind", locked)).hasMessageContaining("account locked out");
  }

  @Test
  void failuresFallIntoTheFamily() {
    assertThat(
            LdapFailures.translate("read users", new LDAPException(ResultCode.SERVER_DOWN, "gone")))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("read users: ");
    assertThat(LdapFailures.translate("read users", new LDAPException(ResultCode.BUSY)))
        .isInstanceOf(SourceUnavailableException.class);
    assertThat(
            LdapFailures.translate(
                "read users", new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS)))
        .isInstanceOf(SourceAuthenticationException.class);
    assertThat(
            LdapFailures.translate(
                "read users",
                new LDAPException(ResultCode.NO_SUCH_OBJECT, "no such", "dc=example,dc=org", null)))
        .isInstanceOf(SourceDataException.class)
        .hasMessageContaining("dc=example,dc=org")
        .hasMessageContaining("base DN");
  }

  @Test
  void chainRootsCoverEveryGroupOnceWithCyclesIncluded() {
    GroupCatalog catalog = new GroupCatalog(MembershipAttribute.MEMBER_OF, false);
    catalog.add("cn=all", "all", "all", List.of());
    catalog.add("cn=eng", "eng", "eng", List.of("cn=all"));
    catalog.add("cn=a", "a", "a", List.of("cn=b"));
    catalog.add("cn=b", "b", "b", List.of("cn=a"));
    assertThat(ChainRoots.of(catalog)).containsExactly("cn=all", "cn=a");
  }
}
