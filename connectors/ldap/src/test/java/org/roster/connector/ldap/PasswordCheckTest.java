package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.PasswordVerifier.Verdict;
import org.roster.connector.api.Secret;

/** Logins checked by a bind as the user. */
class PasswordCheckTest {
  private final AtomicInteger binds = new AtomicInteger();
  private final InMemoryLdap ldap =
      InMemoryLdap.withInterceptors(
          new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
              binds.incrementAndGet();
            }
          });
  private String annId;
  private final String annDn = "uid=ann," + InMemoryLdap.PEOPLE;

  @BeforeEach
  void seed() throws LDAPException {
    ldap.add(Fixtures.person("ann", "userPassword: ann-pass"));
    ldap.add(Fixtures.person("dave", "userPassword: dave-pass", "employeeType: left"));
    ldap.add("dn: ou=moved," + InMemoryLdap.BASE, "objectClass: organizationalUnit", "ou: moved");
    annId = ldap.admin().getEntry(annDn, "entryUUID").getAttributeValue("entryUUID");
  }

  @AfterEach
  void stop() {
    ldap.close();
  }

  private Verdict verify(String id, String dn, Secret password) {
    Map<String, Object> s =
        ldap.openldapSettings(
            Map.of("disabledRule", Map.of("type", "filter", "filter", "(employeeType=left)")));
    try (LdapSource source = Fixtures.open(ldap.settings(s))) {
      return source.verifyPassword(id, dn, "ann", password);
    }
  }

  @Test
  void theRightPasswordIsAccepted() {
    assertThat(verify(annId, annDn, new Secret("ann-pass"))).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void aWrongPasswordIsRejected() {
    assertThat(verify(annId, annDn, new Secret("nope"))).isEqualTo(Verdict.REJECTED);
  }

  @Test
  void aMovedUserIsFoundAgainByItsId() throws LDAPException {
    ldap.admin().modifyDN(annDn, "uid=ann", true, "ou=moved," + InMemoryLdap.BASE);
    assertThat(verify(annId, annDn, new Secret("ann-pass"))).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThat(
            verify(
                "00000000-0000-0000-0000-000000000000",
                "uid=ghost," + InMemoryLdap.PEOPLE,
                new Secret("x")))
        .isEqualTo(Verdict.NOT_FOUND);
  }

  @Test
  void aUserDisabledByTheRuleIsRejectedWithoutBindingAsIt() throws LDAPException {
    String daveDn = "uid=dave," + InMemoryLdap.PEOPLE;
    String daveId = ldap.admin().getEntry(daveDn, "entryUUID").getAttributeValue("entryUUID");
    assertThat(verify(daveId, daveDn, new Secret("dave-pass"))).isEqualTo(Verdict.REJECTED);
  }

  @Test
  void aMissingPasswordIsRejectedWithoutAnyBind() {
    int before = binds.get();
    assertThat(verify(annId, annDn, null)).isEqualTo(Verdict.REJECTED);
    assertThat(binds.get()).as("binds made").isEqualTo(before);
  }
}
