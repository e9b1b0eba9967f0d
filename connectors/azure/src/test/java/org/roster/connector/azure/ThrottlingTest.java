package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.azure.fake.Fault;
import org.roster.connector.testkit.RecordingSink;

/** Throttled and failing Graph requests slow the run down; only exhausted retries end it. */
class ThrottlingTest {
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

  private RecordingSink readUsers() {
    try (AzureSource source = tenant.open()) {
      RecordingSink users = new RecordingSink();
      source.readAll(EntryKind.USER, users);
      return users;
    }
  }

  @Test
  void aThrottledReadWaitsWhatRetryAfterSaysAndSucceeds() {
    tenant.realWaits();
    tenant.entra.fail(Fault.on("/v1.0/users").after(1).status(429).retryAfter("1"));
    long started = System.nanoTime();
    RecordingSink users = readUsers();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(users.users()).hasSize(5);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(tenant.entra.requests("GET /v1.0/users?")).hasSize(4);
  }

  @Test
  void withoutRetryAfterTheBackoffDoublesUpToTheCap() {
    tenant.with("maxRetryWaitSeconds", 5);
    tenant.entra.fail(Fault.on("/v1.0/users").status(503).times(4));
    tenant.entra.fail(Fault.on("/v1.0/users").status(504).times(1));
    assertThat(readUsers().users()).hasSize(5);
    assertThat(tenant.waits())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
  }

  @Test
  void aRetryAfterLongerThanTheCapIsCappedAndAnHttpDateIsUnderstood() {
    tenant.with("maxRetryWaitSeconds", 30);
    tenant.entra.fail(Fault.on("/v1.0/users").status(429).retryAfter("120"));
    tenant.entra.fail(
        Fault.on("/v1.0/users").status(429).retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertThat(readUsers().users()).hasSize(5);
    assertThat(tenant.waits()).containsExactly(Duration.ofSeconds(30), Duration.ZERO);
  }

  @Test
  void exhaustedRetriesFailAsUnavailableNamingTheEndpointAndStatus() {
    tenant.with("maxRetries", 3);
    tenant.entra.fail(Fault.on("/v1.0/users").after(1).status(429).retryAfter("2").always());
    RecordingSink users = new RecordingSink();
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, users))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("read users: GET /v1.0/users?")
          .hasMessageContaining("answered 429 TooManyRequests")
          .hasMessageContaining("after 3 retries")
          .hasMessageContaining("request-id");
    }
    assertThat(users.users()).as("the first page was read").hasSize(2);
    assertThat(tenant.waits()).hasSize(3).allMatch(d -> d.equals(Duration.ofSeconds(2)));
  }

  @Test
  void otherServerErrorsAreRetriedAFewTimesOnly() {
    tenant.entra.fail(Fault.on("/v1.0/users").status(500).always());
    try (AzureSource source = tenant.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, new RecordingSink()))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("answered 500")
          .hasMessageContaining("after 3 retries");
    }
    assertThat(tenant.waits())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    // the JDK's client sends a GET again once by itself when the connection closes unanswered
    tenant.entra.fail(Fault.on("/v1.0/users").after(1).drop().times(3));
    assertThat(readUsers().users()).hasSize(5);
    assertThat(tenant.waits()).isNotEmpty();
  }

  @Test
  void aConnectionThatKeepsDroppingFailsAsUnavailable() {
    tenant.entra.fail(Fault.on("/v1.0/users").after(1).drop().always());
    assertThatThrownBy(this::readUsers)
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("read users: GET /v1.0/users?")
        .hasMessageContaining("the connection failed");
    assertThat(tenant.waits()).hasSize(3);
  }

  @Test
  void noRetriesWhenMaxRetriesIsZero() {
    tenant.with("maxRetries", 0);
    tenant.entra.fail(Fault.on("/v1.0/users").status(503));
    assertThatThrownBy(this::readUsers)
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("answered 503");
    assertThat(tenant.waits()).isEmpty();
  }
}
