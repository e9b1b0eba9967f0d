package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.fake.TestClock;
import org.roster.application.port.in.LoginThrottledException;
import org.roster.application.service.LoginThrottle.Kind;
import org.roster.application.service.LoginThrottle.Settings;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;

class LoginThrottleTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final TestClock clock = new TestClock();
  private final LoginThrottle throttle =
      new LoginThrottle(Settings.defaults(), stores.audit, clock);

  private void fail(String login, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(Kind.ADMIN, login);
    }
  }

  private List<AuditEvent> events() {
    return stores.audit.all();
  }

  @Test
  void fourFailuresLockNothingTheFifthLocksForThirtySeconds() {
    fail("ops", 4);
    assertThat(throttle.refusal(Kind.ADMIN, "ops")).isEmpty();
    assertThat(events()).isEmpty();

    fail("ops", 1);

    assertThat(throttle.refusal(Kind.ADMIN, "ops")).contains(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.refusal(Kind.ADMIN, "ops")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refusal(Kind.ADMIN, "ops")).isEmpty();
  }

  @Test
  void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
    fail("ops", 5);
    List<Long> locks = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Duration left = throttle.refusal(Kind.ADMIN, "ops").orElseThrow();
      locks.add(left.getSeconds());
      clock.advance(left);
      fail("ops", 1);
    }
    assertThat(locks).containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
  }

  @Test
  void aSuccessForgetsTheFailures() {
    fail("ops", 4);
    throttle.succeeded(Kind.ADMIN, "ops");
    fail("ops", 4);

    assertThat(throttle.refusal(Kind.ADMIN, "ops")).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterAQuietHour() {
    fail("ops", 4);
    clock.advance(Duration.ofHours(1));
    fail("ops", 1);

    assertThat(throttle.refusal(Kind.ADMIN, "ops")).isEmpty();
  }

  @Test
  void loginsAreCountedApartButWhateverTheirCase() {
    fail("ops", 3);
    fail("OPS ", 2);
    fail("dev", 4);

    assertThat(throttle.refusal(Kind.ADMIN, "Ops")).isPresent();
    assertThat(throttle.refusal(Kind.ADMIN, "dev")).isEmpty();
    assertThat(throttle.refusal(Kind.USER, "ops")).as("users and admins apart").isEmpty();
  }

  @Test
  void oneAuditEventPerLockoutAndOnePerLockoutForItsRefusals() {
    fail("mallory", 5);
    for (int i = 0; i < 50; i++) {
      throttle.refusal(Kind.ADMIN, "mallory");
    }
    assertThat(events()).extracting(AuditEvent::action)
        .containsExactly("login locked out", "login refused while locked out");

    clock.advance(Duration.ofSeconds(30));
    fail("mallory", 1);

    assertThat(events()).hasSize(3);
    AuditEvent second = events().get(2);
    assertThat(second.action()).isEqualTo("login locked out");
    assertThat(second.category()).isEqualTo(AuditCategory.SECURITY);
    assertThat(second.objectName()).isEqualTo("mallory");
    assertThat(second.detail()).contains("admin login", "6 failed", "60 s",
        "50 attempts were refused");
  }

  @Test
  void checkThrowsForALockedUser() {
    throttle.failed(Kind.USER, "ann");
    for (int i = 0; i < 4; i++) {
      throttle.failed(Kind.USER, "ann");
    }
    clock.advance(Duration.ofMillis(10_500));

    assertThatThrownBy(() -> throttle.check(Kind.USER, "ann"))
        .isInstanceOf(LoginThrottledException.class)
        .hasMessageContaining("'ann'")
        .satisfies(e -> assertThat(((LoginThrottledException) e).retryAfter())
            .isEqualTo(Duration.ofSeconds(20)));
  }

  @Test
  void aFloodOfInventedLoginsIsBoundedAndKeepsLockedOnes() {
    LoginThrottle small = new LoginThrottle(new Settings(5, Duration.ofSeconds(30),
        Duration.ofMinutes(15), Duration.ofHours(1), 10), stores.audit, clock);
    for (int i = 0; i < 5; i++) {
      small.failed(Kind.ADMIN, "admin");
    }
    for (int i = 0; i < 1000; i++) {
      clock.advance(Duration.ofMillis(1));
      small.failed(Kind.ADMIN, "guess" + i);
    }

    assertThat(small.tracked()).isLessThanOrEqualTo(10);
    assertThat(small.refusal(Kind.ADMIN, "admin")).isPresent();
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new Settings(0, Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1), 1)).hasMessageStartingWith("'maxFailures'");
    assertThatThrownBy(() -> new Settings(5, Duration.ofMinutes(2), Duration.ofMinutes(1),
        Duration.ofSeconds(1), 1)).hasMessageStartingWith("'maxLockout'");
    assertThatThrownBy(() -> new Settings(5, Duration.ZERO, Duration.ofMinutes(1),
        Duration.ofSeconds(1), 1)).hasMessageStartingWith("'firstLockout'");
  }
}
