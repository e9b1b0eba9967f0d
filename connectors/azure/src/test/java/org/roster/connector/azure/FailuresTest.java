package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.azure.fake.FakeCertificates;
import org.roster.connector.azure.fake.FakeEntra;
import org.roster.connector.azure.fake.Fault;
import org.roster.connector.testkit.RecordingSink;

/** What goes wrong on the wire becomes an exception naming the request, never a normal return. */
class FailuresTest {
  private static final SourceContext CONTEXT = new SourceContext("test", Clock.systemUTC());

  private final TestTenant tenant = new TestTenant();

  @BeforeEach
  void seed() {
    tenant.entra.pageSize(2);
    IntStream.range(0, 5).forEach(i -> tenant.user("u" + i));
  }

  @AfterEach
  void close() {
    tenant.close();
  }

  private void assertReadFails(Class<? extends Exception> type, String... parts) {
    RecordingSink users = new RecordingSink();
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, users))
          .isInstanceOf(type)
          .hasMessageContainingAll(parts);
    }
  }

  @Test
  void malformedJsonNamesTheUrl() {
    tenant.entra.fail(Fault.on("/v1.0/users").after(1).malformed());
    assertReadFails(
        SourceDataException.class,
        "read users: Graph answered GET /v1.0/users?$select=",
        "$skiptoken=",
        "malformed JSON");
  }

  @Test
  void aServerGoingAwayMidReadThrows() {
    tenant.entra.fail(Fault.on("/v1.0/users").after(1).stopServer());
    RecordingSink users = new RecordingSink();
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, users))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("read users: GET /v1.0/users?");
    }
    assertThat(users.users()).as("only the first page arrived").hasSize(2);
  }

  @Test
  void aGraphNobodyListensOnIsUnavailable() {
    tenant.entra.stopGraph();
    assertReadFails(
        SourceUnavailableException.class, "read groups: GET /v1.0/groups?", "connection refused");
    assertThat(tenant.waits()).as("a refused connection is not retried").isEmpty();
  }

  @Test
  void aTokenEndpointNobodyListensOnIsUnavailable() {
    tenant.with("authority", "https://127.0.0.1:1/");
    assertReadFails(
        SourceUnavailableException.class,
        "token: cannot reach the token endpoint https://127.0.0.1:1/");
  }

  @Test
  void aServerCertificateNotTrustedFailsTheTlsStep() {
    tenant.with("trustFile", null);
    assertReadFails(SourceUnavailableException.class, "tls: ", "token endpoint");
  }

  @Test
  void aPkcs12TrustStoreIsReadToo() {
    tenant
        .with("trustFile", FakeCertificates.get().serverTrustStore().toString())
        .with("trustStorePassword", FakeCertificates.PASSWORD);
    RecordingSink users = new RecordingSink();
    try (AzureSource source = tenant.open()) {
      source.readAll(EntryKind.USER, users);
    }
    assertThat(users.users()).hasSize(5);
  }

  @Test
  void anUnreadableTrustFileIsNamed() {
    tenant.with("trustFile", "/nonexistent/ca.pem");
    assertReadFails(
        SourceDataException.class, "tls: trust file /nonexistent/ca.pem cannot be read");
  }

  @Test
  void hostNamesAreVerified() {
    try (FakeEntra elsewhere = FakeEntra.start(FakeCertificates.get().elsewhereKeyStore())) {
      Map<String, Object> s = new HashMap<>(elsewhere.settings());
      s.put("trustFile", FakeCertificates.get().elsewherePem().toString());
      AzureConnectorFactory factory = new AzureConnectorFactory(d -> {});
      try (DirectorySource source = factory.open(factory.validate(RawSettings.of(s)), CONTEXT)) {
        assertThatThrownBy(source::testConnection)
            .isInstanceOf(SourceUnavailableException.class)
            .hasMessageStartingWith("tls: ");
      }
      assertThat(elsewhere.tokenRequests()).isZero();
    }
  }

  @Test
  void theTokenIsNeverSentToAnotherHost() {
    Session session =
        new Session(AzureSettings.from(RawSettings.of(tenant.settings())), CONTEXT, d -> {});
    assertThatThrownBy(
            () ->
                session
                    .graph()
                    .get(
                        "read users",
                        "https://graph.example.org/v1.0/users",
                        GraphClient.Mode.READ))
        .isInstanceOf(SourceDataException.class)
        .hasMessageContaining("another host (graph.example.org)");
    assertThat(tenant.entra.tokenRequests()).isZero();
  }
}
