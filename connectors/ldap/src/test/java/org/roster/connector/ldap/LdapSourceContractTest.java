package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.RawSettings;
import org.roster.connector.testkit.DirectorySourceContract;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/**
 * The connector contract against UnboundID's in-memory directory, OpenLDAP flavour. It extends the
 * plain contract: OpenLDAP's incremental read cannot see deletions (the full reconcile does), so
 * the incremental contract runs against Samba's AD DC instead ({@code SambaSourceContractIT}).
 */
class LdapSourceContractTest extends DirectorySourceContract {
  private InMemoryLdap ldap;
  private LDAPConnection admin;

  @BeforeEach
  void startDirectory() {
    ldap = InMemoryLdap.standard();
    admin = ldap.admin();
  }

  @AfterEach
  void stopDirectory() {
    admin.close();
    ldap.close();
  }

  @Override
  protected ConnectorFactory factory() {
    return new LdapConnectorFactory();
  }

  @Override
  protected void seed(List<TestPerson> people, List<TestGroup> groups) {
    try {
      new DirectorySeeder(
              admin, DirectorySeeder.Dialect.OPENLDAP, InMemoryLdap.PEOPLE, InMemoryLdap.GROUPS, "")
          .seed(people, groups);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> settings() {
    return ldap.openldapSettings(
        Map.of(
            "disabledRule",
            Map.of("type", "attributeEquals", "attribute", "employeeType", "value", "disabled")));
  }

  @Override
  protected DirectorySource openSource() {
    return factory().open(factory().validate(RawSettings.of(settings())), context());
  }

  @Override
  protected DirectorySource openUnreachableSource() {
    Map<String, Object> s = new java.util.HashMap<>(settings());
    s.put("url", "ldap://127.0.0.1:1");
    s.put("connectTimeoutSeconds", 2);
    return factory().open(factory().validate(RawSettings.of(s)), context());
  }

  @Override
  protected Optional<DirectorySource> openSourceWithWrongCredentials() {
    Map<String, Object> s = new java.util.HashMap<>(settings());
    s.put("bindPassword", "wrong");
    return Optional.of(factory().open(factory().validate(RawSettings.of(s)), context()));
  }
}
