package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.okta.fake.Fault;
import org.roster.connector.testkit.RecordingSink;

/** Okta's failures end a read with an exception an admin can act on; rate limits only slow it. */
class FailuresTest {
  private final TestOrg org = new TestOrg();
  private final FakeOkta okta = org.okta;

  @BeforeEach
  void seed() {
    String staff = okta.addGroup("Staff");
    for (int i = 1; i <= 5; i++) {
      org.user("user" + i, "U" + i, "Ser", staff);
    }
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private static long millis(Runnable run) {
    long started = System.nanoTime();
    run.run();
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  void aRateLimitSlowsTheReadDownUntilTheResetAndTheReadSucceeds() {
    okta.inject(Fault.rateLimit("/api/v1/users", 1, 1));
    RecordingSink[] users = new RecordingSink[1];
    long took = millis(() -> users[0] = org.readAll(EntryKind.USER));
    assertThat(users[0].users()).hasSize(5);
    assertThat(took).as("waited for X-Rate-Limit-Reset").isGreaterThanOrEqualTo(900);
    assertThat(okta.requests("/api/v1/users")).as("the 429 and its retry").hasSize(2);
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesFailsAsUnavailableNamingTheEndpoint() {
    okta.inject(Fault.rateLimit("/api/v1/users", Fault.FOREVER, 1));
    org.with("maxRetries", 1);
    assertThatThrownBy(() -> org.readAll(EntryKind.USER))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("read users: ")
        .hasMessageContaining("429 E0000047")
        .hasMessageContaining("GET /api/v1/users")
        .hasMessageContaining("maxRetries");
    assertThat(okta.requests("/api/v1/users")).hasSize(2);
  }

  @Test
  void aResetBeyondMaxRetryWaitSecondsIsNotWaitedFor() {
    okta.inject(Fault.rateLimit("/api/v1/groups", Fault.FOREVER, 30));
    org.with("maxRetryWaitSeconds", 5);
    long took =
        millis(
            () ->
                assertThatThrownBy(() -> org.readAll(EntryKind.GROUP))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("GET /api/v1/groups")
                    .hasMessageMatching(".*the limit resets in (29|30|31) s.*"));
    assertThat(took).isLessThan(4000);
    assertThat(okta.requests("/api/v1/groups")).hasSize(1);
  }

  @Test
  void aRefusedTokenIsAnAuthenticationFailureThatNeverShowsTheToken() {
    org.with("apiToken", "00ThisTokenIsRevoked00000000000000000000");
    assertThatThrownBy(() -> org.readAll(EntryKind.GROUP))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageStartingWith("read groups: Okta answered 401 E0000011 (Invalid token provided)")
        .hasMessageContaining("GET /api/v1/groups")
        .hasMessageContaining("check apiToken")
        .hasMessageNotContaining("00ThisTokenIsRevoked");
  }

  @Test
  void aMissingAdminRoleIsAnAuthenticationFailureSayingWhatIsMissing() {
    okta.denyAdminAccess("/api/v1/groups");
    assertThatThrownBy(() -> org.readAll(EntryKind.GROUP))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageContaining("403 E0000006")
        .hasMessageContaining("GET /api/v1/groups")
        .hasMessageContaining("Read-only Administrator");
  }

  @Test
  void aServerErrorIsUnavailableAndAn503IsRetried() {
    okta.inject(Fault.status("/api/v1/users", 1, 500));
    assertThatThrownBy(() -> org.readAll(EntryKind.USER))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("500 E0000009")
        .hasMessageContaining("GET /api/v1/users");
    okta.clearFaults();
    okta.inject(Fault.status("/api/v1/users", 1, 503));
    org.with("maxRetries", 1);
    assertThat(org.readAll(EntryKind.USER).users()).hasSize(5);
    okta.inject(Fault.status("/api/v1/users", Fault.FOREVER, 503));
    assertThatThrownBy(() -> org.readAll(EntryKind.USER))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("503 E0000010");
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsUnavailable() {
    okta.inject(Fault.slow("/api/v1/groups", 1, 3));
    org.with("readTimeoutSeconds", 1);
    long took =
        millis(
            () ->
                assertThatThrownBy(() -> org.readAll(EntryKind.GROUP))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith(
                        "read groups: no answer from Okta to GET /api/v1/groups")
                    .hasMessageContaining("Timeout"));
    assertThat(took).isBetween(900L, 2900L);
  }

  @Test
  void malformedJsonIsADataFailureNamingTheEndpoint() {
    okta.inject(Fault.malformedJson("/api/v1/groups/", 1));
    assertThatThrownBy(() -> org.readAll(EntryKind.USER))
        .isInstanceOf(SourceDataException.class)
        .hasMessageStartingWith("read members of group Staff: ")
        .hasMessageContaining("is not the JSON expected")
        .hasMessageMatching(".*GET /api/v1/groups/00g\\w+/users.*");
  }

  @Test
  void aServerGoingAwayMidReadEndsTheReadWithAnException() {
    org.with("pageSize", 2);
    okta.inject(Fault.truncatedAfter("/api/v1/users", 1));
    RecordingSink sink = new RecordingSink();
    try (OktaSource source = org.open()) {
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, sink))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("GET /api/v1/users");
    }
    assertThat(sink.users()).hasSize(2);
  }

  @Test
  void aServerStoppingBetweenPagesEndsTheReadWithAnException() {
    org.with("pageSize", 2);
    RecordingSink sink = new RecordingSink();
    try (OktaSource source = org.open()) {
      source.readAll(EntryKind.GROUP, new RecordingSink());
      StoppingSink stopping = new StoppingSink(sink, okta);
      assertThatThrownBy(() -> source.readAll(EntryKind.USER, stopping))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith("read users: no answer from Okta to GET /api/v1/users");
    }
    assertThat(sink.users()).hasSize(2);
  }

  @Test
  void aListingOktaDoesNotFindIsADataFailure() {
    okta.inject(Fault.status("/api/v1/users", 1, 404));
    assertThatThrownBy(() -> org.readAll(EntryKind.USER))
        .isInstanceOf(SourceDataException.class)
        .hasMessageContaining("404 E0000007")
        .hasMessageContaining("GET /api/v1/users");
  }

  /** Stops the fake Okta once the first page has been taken. */
  private record StoppingSink(RecordingSink sink, FakeOkta okta) implements EntrySink {
    @Override
    public boolean accept(SourceEntry entry) {
      if (sink.entries().size() == 1) {
        okta.close();
      }
      return sink.accept(entry);
    }

    @Override
    public boolean reject(RejectedEntry rejected) {
      return sink.reject(rejected);
    }
  }
}
