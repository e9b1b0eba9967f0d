package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
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
import org.roster.connector.testkit.IncrementalSourceContract;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/**
 * The incremental connector contract against a real Samba AD DC: uSNChanged, DirSync membership
 * changes and tombstones in Deleted Objects. Each case reads its own OU ({@code OU=rc-...});
 * sAMAccountNames are unique in the whole domain, so the logins live in {@code employeeNumber}
 * (mapping {@code login: employeeNumber}).
 */
class SambaSourceContractIT extends IncrementalSourceContract {
  private static final String OU_PREFIX = "rc-";
  private static TestServers.Server samba;
  private static SambaDirectory directory;
  private static int counter;

  private LDAPConnection admin;
  private String ou;

  @BeforeAll
  static void startSamba() {
    samba = TestServers.samba().start();
    directory = new SambaDirectory(samba);
  }

  @AfterAll
  static void stopSamba() {
    samba.stopIfStartedHere();
  }

  @BeforeEach
  void freshOu() throws LDAPException {
    admin = directory.admin();
    directory.deleteOus(admin, OU_PREFIX);
    ou =
        directory.createOu(
            admin, OU_PREFIX + System.currentTimeMillis() % 1_000_000 + "-" + counter++);
  }

  @AfterEach
  void close() throws LDAPException {
    directory.deleteOus(admin, OU_PREFIX);
    admin.close();
  }

  @Override
  protected ConnectorFactory factory() {
    return new LdapConnectorFactory();
  }

  @Override
  protected void seed(List<TestPerson> people, List<TestGroup> groups) {
    try {
      new DirectorySeeder(
              admin,
              DirectorySeeder.Dialect.ACTIVE_DIRECTORY,
              "OU=people," + ou,
              "OU=groups," + ou,
              "rc-")
          .seed(people, groups);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> settings() {
    Map<String, Object> s = directory.settings(ou);
    s.put("mapping", Map.of("login", "employeeNumber"));
    return s;
  }

  @Override
  protected DirectorySource openSource() {
    return factory().open(factory().validate(RawSettings.of(settings())), context());
  }

  @Override
  protected DirectorySource openUnreachableSource() {
    Map<String, Object> s = new HashMap<>(settings());
    s.put("url", "ldap://127.0.0.1:1");
    return factory().open(factory().validate(RawSettings.of(s)), context());
  }

  @Override
  protected Optional<DirectorySource> openSourceWithWrongCredentials() {
    Map<String, Object> s = new HashMap<>(settings());
    s.put("bindPassword", "wrong-password");
    return Optional.of(factory().open(factory().validate(RawSettings.of(s)), context()));
  }
}
