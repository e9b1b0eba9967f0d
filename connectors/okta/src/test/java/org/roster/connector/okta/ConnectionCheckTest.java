package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.okta.fake.FakeOkta;

/** A connection test names the step that failed. */
class ConnectionCheckTest {
  private final TestOrg org = new TestOrg();
  private final FakeOkta okta = org.okta;

  @BeforeEach
  void seed() {
    org.user("ann", "Ann", "Lee", okta.addGroup("Staff"));
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private void test() {
    try (OktaSource source = org.open()) {
      source.testConnection();
    }
  }

  @Test
  void aGoodProfilePasses() {
    assertThatCode(this::test).doesNotThrowAnyException();
  }

  @Test
  void aRefusedTokenFailsAtReadingUsers() {
    org.with("apiToken", "00NotTheToken0000000000000000000000000000");
    assertThatThrownBy(this::test)
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageStartingWith("read users: ");
  }

  @Test
  void aMissingLoginPropertyFailsAtTheMapping() {
    org.with("mapping", Map.of("login", "employeeNumber"));
    assertThatThrownBy(this::test)
        .isInstanceOf(SourceDataException.class)
        .hasMessageStartingWith("mapping: profile property 'employeeNumber' (login) is empty");
  }

  @Test
  void aListedGroupOktaDoesNotHaveFailsAtReadingGroups() {
    org.with("groups", List.of("Staff", "Contractors"));
    assertThatThrownBy(this::test)
        .isInstanceOf(SourceDataException.class)
        .hasMessageStartingWith("read groups: not found in Okta: [Contractors]");
  }

  @Test
  void aMissingRightToReadMembersFailsAtReadingMembers() {
    okta.denyAdminAccess("/api/v1/groups/");
    assertThatThrownBy(this::test)
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageStartingWith("read members: ");
  }
}
