package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.fake.TestClock;
import org.roster.application.port.in.LoginResult;
import org.roster.application.port.in.LoginThrottledException;
import org.roster.application.port.in.VerifyLoginUseCase;
import org.roster.connector.api.SourceUnavailableException;

class ThrottledLoginsTest {
  private static final UUID ANN = UUID.randomUUID();
  private final InMemoryStores stores = new InMemoryStores();
  private final TestClock clock = new TestClock();
  private final List<String> asked = new ArrayList<>();
  /** A directory where ann's password is "right"; "down" cannot be reached. */
  private final VerifyLoginUseCase directory = (login, password) -> {
    asked.add(login);
    if (login.equals("down")) {
      throw new SourceUnavailableException("ldap://dc1: connection refused");
    }
    return login.equals("ann") && password.equals("right")
        ? LoginResult.accepted(ANN)
        : LoginResult.refused(login.equals("ann") ? ANN : null, "unknown user or wrong password");
  };
  private final ThrottledLogins logins = new ThrottledLogins(directory,
      new LoginThrottle(LoginThrottle.Settings.defaults(), stores.audit, clock));

  @Test
  void afterFiveWrongPasswordsTheDirectoryIsNotAskedAgainUntilTheLockEnds() {
    for (int i = 0; i < 5; i++) {
      assertThat(logins.verify("ann", "guess" + i).accepted()).isFalse();
    }
    assertThat(asked).hasSize(5);

    assertThatThrownBy(() -> logins.verify("ann", "right"))
        .isInstanceOf(LoginThrottledException.class)
        .satisfies(e -> assertThat(((LoginThrottledException) e).retryAfter())
            .isEqualTo(Duration.ofSeconds(30)));
    assertThat(asked).as("the directory was spared").hasSize(5);

    clock.advance(Duration.ofSeconds(30));
    assertThat(logins.verify("ann", "right").accepted()).isTrue();
  }

  @Test
  void unknownUsersAreThrottledTheSameWay() {
    for (int i = 0; i < 5; i++) {
      logins.verify("nobody", "guess");
    }

    assertThatThrownBy(() -> logins.verify("nobody", "guess"))
        .isInstanceOf(LoginThrottledException.class);
    assertThat(stores.audit.all()).extracting(e -> e.action())
        .containsExactly("login locked out", "login refused while locked out");
    assertThat(stores.audit.all().get(0).detail()).startsWith("user login:");
  }

  @Test
  void anUnreachableDirectoryIsNoFailureAndASuccessResets() {
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> logins.verify("down", "pw"))
          .isInstanceOf(SourceUnavailableException.class);
    }
    for (int i = 0; i < 4; i++) {
      logins.verify("ann", "wrong");
    }
    logins.verify("ann", "right");
    for (int i = 0; i < 4; i++) {
      logins.verify("ann", "wrong");
    }

    assertThat(logins.verify("ann", "right").accepted()).isTrue();
  }
}
