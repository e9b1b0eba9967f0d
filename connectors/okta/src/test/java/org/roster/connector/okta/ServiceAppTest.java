package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.okta.fake.TestKeys;
import org.roster.connector.testkit.RecordingSink;

/** An OAuth 2.0 service app signs a client assertion with its key and reads with a bearer token. */
class ServiceAppTest {
  private static final String CLIENT_ID = "0oa1roster0service00";
  private static final KeyPair KEYS = TestKeys.rsa();

  private final TestOrg org = new TestOrg();
  private final FakeOkta okta = org.okta;

  @BeforeEach
  void seed() {
    String staff = okta.addGroup("Staff");
    org.user("ann", "Ann", "Lee", staff);
    okta.registerServiceApp(
        CLIENT_ID, KEYS.getPublic(), Set.of("okta.users.read", "okta.groups.read"));
    org.without("apiToken").with("clientId", CLIENT_ID).with("privateKey", TestKeys.pem(KEYS));
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void readsWithTheAccessTokenItsSignedAssertionEarns() {
    RecordingSink users = org.readAll(EntryKind.USER);
    assertThat(users.usersByLogin()).containsOnlyKeys("ann");
    assertThat(okta.requests("/oauth2/v1/token")).hasSize(1);
    assertThat(okta.requests("/api/v1/users")).allMatch(r -> r.auth().startsWith("Bearer "));
    assertThat(okta.requests()).noneMatch(r -> r.auth() != null && r.auth().startsWith("SSWS"));
  }

  @Test
  void theKeyCanComeFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("okta.pem");
    Files.writeString(file, TestKeys.pem(KEYS));
    org.without("privateKey").with("privateKeyFile", file.toString());
    assertThat(org.readAll(EntryKind.GROUP).groups()).hasSize(1);
    org.with("privateKeyFile", dir.resolve("missing.pem").toString());
    try (OktaSource source = org.open()) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOfSatisfying(
              InvalidSettingsException.class,
              e -> assertThat(e.field()).isEqualTo("privateKeyFile"))
          .hasMessageContaining("cannot be read");
    }
  }

  @Test
  void anAssertionSignedWithAnotherKeyIsRefusedAtTheTokenStep() {
    org.with("privateKey", TestKeys.pem(TestKeys.rsa()));
    try (OktaSource source = org.open()) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceAuthenticationException.class)
          .hasMessageStartingWith("token: getting an access token at POST /oauth2/v1/token")
          .hasMessageContaining("401 invalid_client")
          .hasMessageContaining("signature is invalid")
          .hasMessageNotContaining("PRIVATE KEY");
    }
  }

  @Test
  void aScopeNotGrantedToTheAppIsRefusedAtTheTokenStep() {
    org.with("scopes", List.of("okta.users.read", "okta.groups.read", "okta.logs.read"));
    assertThatThrownBy(() -> org.readAll(EntryKind.GROUP))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageStartingWith("token: ")
        .hasMessageContaining("invalid_scope")
        .hasMessageContaining("okta.logs.read");
  }

  @Test
  void aTokenWithoutTheGroupsScopeNamesTheMissingScope() {
    org.with("scopes", List.of("okta.users.read"));
    assertThatThrownBy(() -> org.readAll(EntryKind.GROUP))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageStartingWith("read groups: Okta answered 403 E0000006")
        .hasMessageContaining("lacks scope okta.groups.read");
  }

  @Test
  void anUnreachableOrgFailsAsUnavailableAtTheTokenStep() {
    org.with("orgUrl", "http://127.0.0.1:1").with("connectTimeoutSeconds", 2);
    try (OktaSource source = org.open()) {
      assertThatThrownBy(source::testConnection)
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith("token: getting an access token at POST /oauth2/v1/token failed")
          .hasMessageContaining("no answer");
    }
  }

  @Test
  void aServiceAppWithoutAnAdminRoleIsTold() {
    okta.denyAdminAccess("/api/v1/users");
    assertThatThrownBy(() -> org.readAll(EntryKind.USER))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageContaining("403 E0000006")
        .hasMessageContaining("the service app needs an admin role");
  }
}
