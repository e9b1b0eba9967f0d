package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.PasswordVerifier.Verdict;
import org.roster.connector.api.Secret;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.okta.fake.Fault;

/** Logins through Okta's authentication API, for the user with the id Roster knows. */
class PasswordCheckTest {
  private static final Secret RIGHT = new Secret("correct horse battery");

  private final TestOrg org = new TestOrg();
  private final FakeOkta okta = org.okta;
  private String ann;
  private String bob;

  @BeforeEach
  void seed() {
    ann = org.user("ann@example.org", "Ann", "Lee");
    bob = org.user("bob@example.org", "Bob", "Ek");
    okta.setPassword(ann, RIGHT.value());
    okta.setPassword(bob, "bobs password");
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private Verdict verify(String id, String login, Secret password) {
    try (OktaSource source = org.open()) {
      return source.verifyPassword(id, "/api/v1/users/" + id, login, password);
    }
  }

  private int authnCalls() {
    return okta.requests("/api/v1/authn").size();
  }

  @Test
  void theRightPasswordIsAcceptedAndAWrongOneRejected() {
    assertThat(verify(ann, "ann@example.org", RIGHT)).isEqualTo(Verdict.ACCEPTED);
    assertThat(verify(ann, "ANN@example.org", RIGHT))
        .as("logins ignore case")
        .isEqualTo(Verdict.ACCEPTED);
    assertThat(verify(ann, "ann@example.org", new Secret("wrong"))).isEqualTo(Verdict.REJECTED);
    assertThat(authnCalls()).isEqualTo(3);
    assertThat(okta.requests("/api/v1/authn"))
        .as("the authentication API is asked without the API token")
        .allMatch(r -> r.auth() == null);
  }

  @Test
  void anotherUsersLoginIsRejectedWithoutAsking() {
    assertThat(verify(ann, "bob@example.org", new Secret("bobs password")))
        .isEqualTo(Verdict.REJECTED);
    assertThat(authnCalls()).isZero();
  }

  @Test
  void aUserGoneOrDeprovisionedIsNotFound() {
    okta.setStatus(ann, "DEPROVISIONED");
    assertThat(verify(ann, "ann@example.org", RIGHT)).isEqualTo(Verdict.NOT_FOUND);
    okta.deleteUser(bob);
    assertThat(verify(bob, "bob@example.org", new Secret("bobs password")))
        .isEqualTo(Verdict.NOT_FOUND);
    assertThat(authnCalls()).isZero();
  }

  @Test
  void suspendedAndLockedOutUsersAreRejectedWithoutAsking() {
    okta.setStatus(ann, "SUSPENDED");
    assertThat(verify(ann, "ann@example.org", RIGHT)).isEqualTo(Verdict.REJECTED);
    okta.setStatus(ann, "LOCKED_OUT");
    assertThat(verify(ann, "ann@example.org", RIGHT)).isEqualTo(Verdict.REJECTED);
    assertThat(authnCalls()).isZero();
  }

  @Test
  void anExpiredPasswordIsRejectedAndASecondFactorDueIsAccepted() {
    okta.setStatus(ann, "PASSWORD_EXPIRED");
    assertThat(verify(ann, "ann@example.org", RIGHT)).isEqualTo(Verdict.REJECTED);
    okta.setStatus(ann, "ACTIVE");
    okta.requireMfa(ann);
    assertThat(verify(ann, "ann@example.org", RIGHT)).isEqualTo(Verdict.ACCEPTED);
    assertThat(authnCalls()).isEqualTo(2);
  }

  @Test
  void anUnreachableOrFailingOktaIsUnavailable() {
    okta.inject(Fault.status("/api/v1/authn", 1, 503));
    assertThatThrownBy(() -> verify(ann, "ann@example.org", RIGHT))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("POST /api/v1/authn")
        .hasMessageNotContaining(RIGHT.value());
    org.with("orgUrl", "http://127.0.0.1:1").with("connectTimeoutSeconds", 2);
    assertThatThrownBy(() -> verify(ann, "ann@example.org", RIGHT))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("read user: no answer from Okta");
  }
}
