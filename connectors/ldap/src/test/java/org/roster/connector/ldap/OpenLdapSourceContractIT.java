package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.RawSettings;
import org.roster.connector.testkit.DirectorySourceContract;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/** The connector contract against a real slapd, each case in its own {@code ou=rc-...}. */
class OpenLdapSourceContractIT extends DirectorySourceContract {
  private static final String BASE = "dc=example,dc=org";
  private static TestServers.Server slapd;
  private static int counter;

  private LDAPConnection admin;
  private String ou;

  @BeforeAll
  static void startSlapd() {
    slapd = TestServers.slapd().start();
  }

  @AfterAll
  static void stopSlapd() {
    slapd.stopIfStartedHere();
  }

  @BeforeEach
  void freshOu() throws LDAPException {
    admin = new LDAPConnection("127.0.0.1", Integer.parseInt(slapd.env("ROSTER_OPENLDAP_PORT")));
    admin.bind(slapd.env("ROSTER_OPENLDAP_BIND_DN"), slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    deleteContractOus();
    String name = "rc-" + System.currentTimeMillis() % 1_000_000 + "-" + counter++;
    ou = "ou=" + name + "," + BASE;
    admin.add(ou, new Attribute("objectClass", "organizationalUnit"), new Attribute("ou", name));
    admin.add(
        "ou=people," + ou,
        new Attribute("objectClass", "organizationalUnit"),
        new Attribute("ou", "people"));
    admin.add(
        "ou=groups," + ou,
        new Attribute("objectClass", "organizationalUnit"),
        new Attribute("ou", "groups"));
  }

  @AfterEach
  void cleanUp() throws LDAPException {
    deleteContractOus();
    admin.close();
  }

  private void deleteContractOus() throws LDAPException {
    for (SearchResultEntry top :
        admin.search(BASE, SearchScope.ONE, "(ou=rc-*)", "1.1").getSearchEntries()) {
      List<String> dns = new ArrayList<>();
      admin
          .search(top.getDN(), SearchScope.SUB, "(objectClass=*)", "1.1")
          .getSearchEntries()
          .forEach(e -> dns.add(e.getDN()));
      dns.sort(Comparator.comparingInt(String::length).reversed());
      for (String dn : dns) {
        admin.delete(dn);
      }
    }
  }

  @Override
  protected ConnectorFactory factory() {
    return new LdapConnectorFactory();
  }

  @Override
  protected void seed(List<TestPerson> people, List<TestGroup> groups) {
    try {
      new DirectorySeeder(
              admin, DirectorySeeder.Dialect.OPENLDAP, "ou=people," + ou, "ou=groups," + ou, "")
          .seed(people, groups);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> settings() {
    Map<String, Object> s = new HashMap<>();
    s.put("flavour", "openldap");
    s.put("url", slapd.env("ROSTER_OPENLDAP_URL"));
    s.put("bindDn", slapd.env("ROSTER_OPENLDAP_BIND_DN"));
    s.put("bindPassword", slapd.env("ROSTER_OPENLDAP_BIND_PASSWORD"));
    s.put("baseDn", ou);
    s.put(
        "disabledRule",
        Map.of("type", "attributeEquals", "attribute", "employeeType", "value", "disabled"));
    return s;
  }

  @Override
  protected DirectorySource openSource() {
    return factory().open(factory().validate(RawSettings.of(settings())), context());
  }

  @Override
  protected DirectorySource openUnreachableSource() {
    Map<String, Object> s = settings();
    s.put("url", "ldap://127.0.0.1:1");
    return factory().open(factory().validate(RawSettings.of(s)), context());
  }

  @Override
  protected Optional<DirectorySource> openSourceWithWrongCredentials() {
    Map<String, Object> s = settings();
    s.put("bindPassword", "wrong");
    return Optional.of(factory().open(factory().validate(RawSettings.of(s)), context()));
  }
}
