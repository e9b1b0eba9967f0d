package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/** Settings are validated without I/O and name the setting at fault. */
class LdapSettingsTest {
  private static Map<String, Object> ad() {
    Map<String, Object> s = new HashMap<>();
    s.put("flavour", "activeDirectory");
    s.put("url", "ldaps://dc1.example.org");
    s.put("bindDn", "svc-roster@example.org");
    s.put("bindPassword", "s3cret-value");
    s.put("baseDn", "DC=example,DC=org");
    return s;
  }

  private static LdapSettings parse(Map<String, Object> s) {
    return LdapSettings.from(RawSettings.of(s));
  }

  private static void assertInvalid(Map<String, Object> s, String field, String message) {
    assertThatThrownBy(() -> parse(s))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> s = ad();
    s.put(key, value);
    return s;
  }

  @Test
  void defaultsPerFlavour() {
    LdapSettings s = parse(ad());
    assertThat(s.servers().ldaps()).isTrue();
    assertThat(s.servers().servers())
        .containsExactly(new ServerList.Server("dc1.example.org", 636));
    assertThat(s.pageSize()).isEqualTo(1000);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.overlap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.fullReconcile()).isEqualTo(Duration.ofHours(24));
    assertThat(s.followReferrals()).isFalse();
    assertThat(s.mapping().id()).isEqualTo("objectGUID");
    assertThat(s.mapping().login()).isEqualTo("sAMAccountName");
    assertThat(s.scope().users()).hasToString("(&(objectCategory=person)(objectClass=user))");
    assertThat(s.disabledRule()).isInstanceOf(DisabledRule.AccountControl.class);
    Map<String, Object> o = ad();
    o.put("flavour", "openldap");
    o.put("bindDn", "cn=reader,dc=example,dc=org");
    LdapSettings openldap = parse(o);
    assertThat(openldap.mapping().id()).isEqualTo("entryUUID");
    assertThat(openldap.mapping().fields())
        .containsEntry("company", "o")
        .containsEntry("department", "ou");
    assertThat(openldap.scope().groupsFilter())
        .hasToString("(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))");
    assertThat(openldap.disabledRule()).isInstanceOf(DisabledRule.Never.class);
  }

  @Test
  void secretsNeverPrint() {
    Map<String, Object> s = with("trustStorePassword", "store-pass");
    s.put("trustFile", "/etc/roster/ca.p12");
    assertThat(parse(s).toString()).doesNotContain("s3cret-value").doesNotContain("store-pass");
    assertThat(new LdapConnectorFactory().secretSettings())
        .containsExactlyInAnyOrder("bindPassword", "trustStorePassword");
  }

  @Test
  void requiredSettings() {
    Map<String, Object> s = ad();
    s.remove("flavour");
    assertInvalid(s, "flavour", "is required");
    assertInvalid(with("flavour", "novell"), "flavour", "activeDirectory or openldap");
    s = ad();
    s.remove("url");
    assertInvalid(s, "url", "is required");
    s = ad();
    s.remove("baseDn");
    assertInvalid(s, "baseDn", "is required");
    s = ad();
    s.remove("bindPassword");
    assertInvalid(s, "bindPassword", "anonymous bind");
  }

  @Test
  void urlsAndTls() {
    assertInvalid(with("url", "http://dc1"), "url", "ldap://host");
    assertInvalid(with("urls", List.of("ldaps://dc1", "ldap://dc2")), "urls[1]", "same scheme");
    assertInvalid(with("startTls", true), "startTls", "ldaps://");
    Map<String, Object> s = with("urls", List.of("ldap://dc1:3890", "ldap://dc2"));
    s.put("startTls", true);
    LdapSettings two = parse(s);
    assertThat(two.servers().servers()).hasSize(2);
    assertThat(two.tls().startTls()).isTrue();
    Map<String, Object> all = with("trustAll", true);
    all.put("trustFile", "/ca.pem");
    assertInvalid(all, "trustAll", "trustFile");
    assertThat(parse(with("trustFile", "/x/ca.P12")).tls().pkcs12()).isTrue();
    assertThat(parse(with("trustFile", "/x/ca.pem")).tls().pkcs12()).isFalse();
  }

  @Test
  void bindNames() {
    assertThat(parse(with("bindDn", "ROSTER\\svc")).bindDn()).contains("ROSTER\\svc");
    assertThat(parse(with("bindDn", "CN=svc,CN=Users,DC=example,DC=org")).bindDn()).isPresent();
    Map<String, Object> o = with("flavour", "openldap");
    o.put("bindDn", "svc@example.org");
    assertInvalid(o, "bindDn", "must be a DN");
  }

  @Test
  void filtersAreCheckedAndNamed() {
    assertInvalid(with("usersFilter", "(&(objectClass=user)"), "usersFilter", "RFC 4515");
    assertInvalid(
        with("includeRules", List.of("(title=*)", "(title=")), "includeRules[1]", "RFC 4515");
    assertInvalid(with("excludeRules", List.of("((")), "excludeRules[0]", "RFC 4515");
    assertInvalid(
        with("groupMembersFilter", "(memberOf=CN=x)"), "groupMembersFilter", "[#LDAPGroupDN#]");
    assertInvalid(
        with("groupMembersFilter", "(memberOf=[#LDAPGroupDN#]"), "groupMembersFilter", "RFC 4515");
    Map<String, Object> s = with("includeRules", List.of("department=Sales"));
    s.put("excludeRules", List.of("(title=Intern)"));
    assertThat(parse(s).scope().users())
        .hasToString(
            "(&(objectCategory=person)(objectClass=user)(department=Sales)(!(title=Intern)))");
  }

  @Test
  void basesFromOusAndLists() {
    Map<String, Object> s = with("ous", List.of("Sales", "OU=IT", "OU=HR,DC=example,DC=org"));
    assertThat(parse(s).scope().userBases())
        .extracting(Object::toString)
        .containsExactly(
            "OU=Sales,DC=example,DC=org", "OU=IT,DC=example,DC=org", "OU=HR,DC=example,DC=org");
    assertInvalid(
        with("userBaseDns", List.of("OU=A,DC=example,DC=org", "OU=B,OU=A,DC=example,DC=org")),
        "userBaseDns[1]",
        "overlaps");
    assertInvalid(with("ous", List.of("Sales", "OU=East,OU=Sales")), "ous[1]", "overlaps");
    assertInvalid(with("baseDn", "not a dn"), "baseDn", "not a valid DN");
  }

  @Test
  void mappingDisabledRuleAndNumbers() {
    assertThat(
            parse(with("mapping", Map.of("email", "userPrincipalName", "phone", "")))
                .mapping()
                .fields())
        .containsEntry("email", "userPrincipalName")
        .doesNotContainKey("phone");
    assertInvalid(with("mapping", Map.of("mail", "mail")), "mapping.mail", "is not a field");
    assertInvalid(with("mapping", Map.of("login", "")), "mapping.login", "required");
    assertInvalid(
        with("mapping", Map.of("login", "s a m")), "mapping.login", "not an attribute name");
    assertInvalid(
        with("disabledRule", Map.of("type", "magic")), "disabledRule.type", "attributePresent");
    assertInvalid(
        with("disabledRule", Map.of("type", "attributeEquals", "attribute", "nsAccountLock")),
        "disabledRule.value",
        "required");
    assertInvalid(
        with("disabledRule", Map.of("type", "filter", "filter", "(x=")),
        "disabledRule.filter",
        "RFC 4515");
    assertInvalid(with("pageSize", 0), "pageSize", "between");
    assertInvalid(with("membershipAttribute", "members"), "membershipAttribute", "uniqueMember");
    Map<String, Object> o = with("flavour", "openldap");
    o.put("bindDn", "cn=x,dc=example,dc=org");
    o.put("nestedGroupsInChain", true);
    assertInvalid(o, "nestedGroupsInChain", "Active Directory");
  }
}
