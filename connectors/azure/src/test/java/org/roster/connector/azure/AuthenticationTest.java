package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.azure.fake.FakeCertificates;
import org.roster.connector.testkit.RecordingSink;

/** App-only tokens from msal4j: secrets, certificates, refusals, caching and renewal. */
class AuthenticationTest {
  private final TestTenant tenant = new TestTenant();

  @BeforeEach
  void seed() {
    tenant.group("Sales", tenant.user("alice"), tenant.user("bob"));
  }

  @AfterEach
  void close() {
    tenant.close();
  }

  private RecordingSink readUsers() {
    try (AzureSource source = tenant.open()) {
      RecordingSink groups = new RecordingSink();
      source.readAll(EntryKind.GROUP, groups);
      RecordingSink users = new RecordingSink();
      source.readAll(EntryKind.USER, users);
      return users;
    }
  }

  private void assertRefused(String... parts) {
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceAuthenticationException.class)
          .hasMessageStartingWith("token: ")
          .hasMessageContainingAll(parts)
          .hasMessageNotContaining(tenant.entra.clientSecret());
    }
    assertThat(tenant.entra.requests("GET /v1.0")).as("Graph is not asked").isEmpty();
  }

  @Test
  void oneTokenServesAWholeRun() {
    assertThat(readUsers().users()).hasSize(2);
    assertThat(tenant.entra.tokenRequests()).isEqualTo(1);
  }

  @Test
  void aWrongSecretIsExplained() {
    tenant.with("clientSecret", "the-secret-id-not-its-value");
    assertRefused("AADSTS7000215", "invalid_client", "the client secret is wrong");
  }

  @Test
  void anUnknownAppIsExplained() {
    tenant.with("clientId", UUID.randomUUID().toString());
    assertRefused("AADSTS700016", "no app with this clientId");
  }

  @Test
  void anUnknownTenantIsExplained() {
    tenant.with("tenantId", "fabrikam.onmicrosoft.com");
    assertRefused("AADSTS90002", "the tenant does not exist");
  }

  @Test
  void aCertificateSignsTheClientAssertion() {
    tenant
        .with("clientSecret", null)
        .with("certificateFile", FakeCertificates.get().clientKeyStore().toString())
        .with("certificatePassword", FakeCertificates.PASSWORD);
    assertThat(readUsers().users()).hasSize(2);
    assertThat(tenant.entra.tokenRequests()).isEqualTo(1);
  }

  @Test
  void aCertificateTheAppDoesNotHoldIsRefused() {
    tenant
        .with("clientSecret", null)
        .with("certificateFile", FakeCertificates.get().strangerKeyStore().toString())
        .with("certificatePassword", FakeCertificates.PASSWORD);
    assertRefused("AADSTS700027", "upload its public key");
  }

  @Test
  void aWrongCertificatePasswordOrFileIsNamed() {
    tenant
        .with("clientSecret", null)
        .with("certificateFile", FakeCertificates.get().clientKeyStore().toString())
        .with("certificatePassword", "wrong");
    assertRefused("certificateFile", "wrong password");
    tenant.with("certificateFile", "/nonexistent/app.p12");
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceDataException.class)
          .hasMessageContaining("token: certificateFile /nonexistent/app.p12 does not exist");
    }
  }

  @Test
  void anExpiredTokenIsRenewedOnceWhenGraphRefusesIt() {
    tenant.entra.pageSize(1);
    try (AzureSource source = tenant.open()) {
      List<SourceEntry> users = new ArrayList<>();
      source.readAll(
          EntryKind.USER,
          new EntrySink() {
            @Override
            public boolean accept(SourceEntry entry) {
              tenant.entra.expireAccessTokens();
              return users.add(entry);
            }

            @Override
            public boolean reject(RejectedEntry rejected) {
              return false;
            }
          });
      assertThat(users).hasSize(2);
    }
    assertThat(tenant.entra.tokenRequests()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aTokenRefusedEvenWhenNewFailsAsAuthentication() {
    tenant.entra.tokenLifetime(Duration.ZERO);
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
          .isInstanceOf(SourceAuthenticationException.class)
          .hasMessageContaining("401 InvalidAuthenticationToken")
          .hasMessageContaining("refused the app's access token");
    }
    assertThat(tenant.entra.tokenRequests()).isEqualTo(2);
  }

  @Test
  void aTokenAboutToExpireIsReplacedBeforeUse() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    tenant.clock(
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        });
    try (AzureSource source = tenant.open()) {
      source.readAll(EntryKind.USER, new RecordingSink());
      assertThat(tenant.entra.tokenRequests()).isEqualTo(1);
      now.set(now.get().plus(Duration.ofMinutes(59)));
      source.readAll(EntryKind.USER, new RecordingSink());
      assertThat(tenant.entra.tokenRequests()).isEqualTo(2);
    }
  }

  @Test
  void aMissingPermissionNamesIt() {
    tenant.entra.grantOnly("GroupMember.Read.All");
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
          .isInstanceOf(SourceAuthenticationException.class)
          .hasMessageContaining("read users: GET /v1.0/users?")
          .hasMessageContaining("403 Authorization_RequestDenied")
          .hasMessageContaining("application permission User.Read.All")
          .hasMessageContaining("admin consent");
    }
    tenant.entra.grantOnly("User.Read.All");
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.GROUP, new RecordingSink()))
          .isInstanceOf(SourceAuthenticationException.class)
          .hasMessageContaining("read groups: GET /v1.0/groups?")
          .hasMessageContaining("GroupMember.Read.All (or Group.Read.All)");
    }
  }
}
