package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;

/** The connection test names the step that failed. */
class ConnectionCheckTest {
  private final TestTenant tenant = new TestTenant();

  @BeforeEach
  void seed() {
    tenant.group("Sales", tenant.user("alice"));
  }

  @AfterEach
  void close() {
    tenant.close();
  }

  private void assertFails(Class<? extends Exception> type, String start, String... parts) {
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(type)
          .hasMessageStartingWith(start)
          .hasMessageContainingAll(parts);
    }
  }

  @Test
  void aGoodTenantPassesEveryStepReadingOneUserAndOneMember() {
    try (AzureSource source = tenant.open()) {
      assertThatCode(source::testConnection).doesNotThrowAnyException();
    }
    assertThat(tenant.entra.requests("GET /v1.0/users?"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("$top=1"));
    assertThat(tenant.entra.requests("GET /v1.0/groups/"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("/members?").contains("$top=1"));
  }

  @Test
  void token() {
    tenant.with("clientSecret", "wrong");
    assertFails(SourceAuthenticationException.class, "token: ", "AADSTS7000215");
  }

  @Test
  void readUsers() {
    tenant.entra.grantOnly("GroupMember.Read.All");
    assertFails(SourceAuthenticationException.class, "read users: ", "User.Read.All");
    tenant.entra.grantOnly("User.Read.All", "GroupMember.Read.All");
    tenant.with("mapping", Map.of("title", "jobTitel"));
    assertFails(
        SourceDataException.class,
        "read users: ",
        "400 Request_BadRequest: Could not find a property named 'jobTitel'");
    tenant.with("mapping", null).with("usersFilter", "(manager=x)");
    assertFails(
        SourceDataException.class,
        "read users: ",
        "Could not find a property named 'manager'",
        "check the mapping and the filters");
  }

  @Test
  void mapping() {
    tenant.with("mapping", Map.of("login", "onPremisesSamAccountName"));
    assertFails(
        SourceDataException.class,
        "mapping: ",
        "has no onPremisesSamAccountName",
        "check the mapping");
  }

  @Test
  void readGroups() {
    tenant.entra.grantOnly("User.Read.All");
    assertFails(SourceAuthenticationException.class, "read groups: ", "GroupMember.Read.All");
  }

  @Test
  void listedGroupsMustExist() {
    tenant.with("groups", List.of("Sales", "Marketing"));
    assertFails(SourceDataException.class, "groups: ", "[Marketing]");
    tenant.with("groupsFilter", "(displayName=Mark*)").with("groups", List.of("Sales"));
    assertFails(SourceDataException.class, "groups: ", "matching groupsFilter", "[Sales]");
  }
}
