package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;

/** testConnection names the step that failed. */
class ConnectionCheckTest {
  private final InMemoryLdap ldap = InMemoryLdap.standard();

  @BeforeEach
  void seed() {
    ldap.add(Fixtures.person("ann"));
  }

  @AfterEach
  void stop() {
    ldap.close();
  }

  private void test(Map<String, Object> overrides) {
    try (LdapSource source = Fixtures.open(ldap.settings(ldap.openldapSettings(overrides)))) {
      source.testConnection();
    }
  }

  @Test
  void aGoodProfilePasses() {
    assertThatCode(() -> test(Map.of())).doesNotThrowAnyException();
  }

  @Test
  void reach() {
    assertThatThrownBy(() -> test(Map.of("url", "ldap://127.0.0.1:1", "connectTimeoutSeconds", 2)))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("reach: cannot connect to ldap://127.0.0.1:1");
  }

  @Test
  void aSecondServerTakesOverWhenTheFirstCannotBeReached() {
    assertThatCode(() -> test(Map.of("urls", List.of("ldap://127.0.0.1:1", ldap.url()))))
        .doesNotThrowAnyException();
    assertThatCode(() -> test(Map.of("url", "ldap://127.0.0.1:1", "failoverUrl", ldap.url())))
        .doesNotThrowAnyException();
  }

  @Test
  void bind() {
    assertThatThrownBy(() -> test(Map.of("bindPassword", "wrong")))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageStartingWith("bind: invalid credentials");
  }

  @Test
  void baseDn() {
    assertThatThrownBy(() -> test(Map.of("userBaseDns", List.of("ou=nowhere,dc=example,dc=org"))))
        .isInstanceOf(SourceDataException.class)
        .hasMessageStartingWith("base DN: 'ou=nowhere,dc=example,dc=org' does not exist");
  }

  @Test
  void aMappedLoginMissingFromTheEntryIsAConfigurationError() {
    assertThatThrownBy(() -> test(Map.of("mapping", Map.of("login", "uidd"))))
        .isInstanceOf(SourceDataException.class)
        .hasMessage(
            "mapping: attribute 'uidd' (login) is not present on uid=ann,"
                + InMemoryLdap.PEOPLE
                + "; check the mapping");
  }

  @Test
  void aMappedIdMissingFromTheEntryIsAConfigurationError() {
    assertThatThrownBy(() -> test(Map.of("mapping", Map.of("id", "objectGUID"))))
        .isInstanceOf(SourceDataException.class)
        .hasMessageStartingWith("mapping: attribute 'objectGUID' (id) is not present on uid=ann");
  }
}
