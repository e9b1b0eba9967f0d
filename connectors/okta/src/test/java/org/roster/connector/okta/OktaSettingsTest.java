package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.UserFields;
import org.roster.connector.okta.fake.TestKeys;

/** Settings are validated without I/O and name the setting at fault. */
class OktaSettingsTest {
  private static final String TOKEN = "00abcDEFghiJKLmnoPQRstuVWXyz0123456789abc";
  private static final String PEM = TestKeys.pem(TestKeys.rsa());

  private static Map<String, Object> token() {
    Map<String, Object> s = new HashMap<>();
    s.put("orgUrl", "https://example.okta.com");
    s.put("apiToken", TOKEN);
    return s;
  }

  private static Map<String, Object> serviceApp() {
    Map<String, Object> s = new HashMap<>();
    s.put("orgUrl", "https://example.okta.com/");
    s.put("clientId", "0oa1roster0000000000");
    s.put("privateKey", PEM);
    return s;
  }

  private static OktaSettings parse(Map<String, Object> s) {
    return new OktaConnectorFactory().validate(RawSettings.of(s));
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> s = token();
    s.put(key, value);
    return s;
  }

  private static void assertInvalid(Map<String, Object> s, String field, String message) {
    assertThatThrownBy(() -> parse(s))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void defaults() {
    OktaSettings s = parse(token());
    assertThat(s.orgUrl()).hasToString("https://example.okta.com");
    assertThat(s.credentials()).isInstanceOf(OktaCredentials.ApiToken.class);
    assertThat(s.groups().search()).isEqualTo("type eq \"OKTA_GROUP\" or type eq \"APP_GROUP\"");
    assertThat(s.usersFilter()).isEmpty();
    assertThat(s.mapping().login()).containsExactly("login");
    assertThat(s.mapping().fields())
        .containsEntry(UserFields.EMAIL, List.of("email"))
        .containsEntry(UserFields.GIVEN_NAME, List.of("firstName"))
        .containsEntry(UserFields.FAMILY_NAME, List.of("lastName"))
        .containsEntry(UserFields.DISPLAY_NAME, List.of("displayName"))
        .containsEntry(UserFields.TITLE, List.of("title"))
        .containsEntry(UserFields.DEPARTMENT, List.of("department"))
        .containsEntry(UserFields.COMPANY, List.of("organization"))
        .containsEntry(UserFields.PHONE, List.of("mobilePhone", "primaryPhone"));
    assertThat(s.lockedOutIsDisabled()).isTrue();
    assertThat(s.pageSize()).isEqualTo(200);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.maxRetries()).isEqualTo(8);
    assertThat(s.maxRetryWait()).isEqualTo(Duration.ofSeconds(300));
    assertThat(s.overlap()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.fullReconcile()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void aServiceAppAsksForTheReadScopesByDefault() {
    OktaSettings s = parse(serviceApp());
    assertThat(s.orgUrl()).hasToString("https://example.okta.com");
    OktaCredentials.ServiceApp app = (OktaCredentials.ServiceApp) s.credentials();
    assertThat(app.clientId()).isEqualTo("0oa1roster0000000000");
    assertThat(app.scopes()).containsExactlyInAnyOrder("okta.users.read", "okta.groups.read");
    assertThat(app.privateKey()).isPresent();
    assertThat(app.keyId()).isEmpty();
    Map<String, Object> file = serviceApp();
    file.remove("privateKey");
    file.put("privateKeyFile", "/etc/roster/okta.pem");
    file.put("scopes", List.of("okta.users.read", "okta.groups.manage"));
    file.put("keyId", "kid-1");
    OktaCredentials.ServiceApp fromFile = (OktaCredentials.ServiceApp) parse(file).credentials();
    assertThat(fromFile.privateKeyFile()).contains(Path.of("/etc/roster/okta.pem"));
    assertThat(fromFile.scopes())
        .containsExactlyInAnyOrder("okta.users.read", "okta.groups.manage");
    assertThat(fromFile.keyId()).contains("kid-1");
  }

  @Test
  void aPkcs1RsaKeyIsAccepted() {
    String pkcs1 =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
            + "-----END RSA PRIVATE KEY-----";
    Map<String, Object> s = serviceApp();
    s.put("privateKey", pkcs1);
    assertThat(parse(s).credentials()).isInstanceOf(OktaCredentials.ServiceApp.class);
  }

  @Test
  void secretsNeverPrint() {
    assertThat(parse(token()).toString()).doesNotContain(TOKEN);
    String printed = parse(serviceApp()).toString();
    assertThat(printed).doesNotContain("BEGIN PRIVATE KEY").doesNotContain(PEM.substring(40, 80));
    assertThat(new OktaConnectorFactory().secretSettings())
        .containsExactlyInAnyOrder("apiToken", "privateKey");
  }

  @Test
  void theOrgUrlMustBeAnHttpsBaseUrl() {
    assertInvalid(new HashMap<>(Map.of("apiToken", TOKEN)), "orgUrl", "is required");
    assertInvalid(with("orgUrl", "https://exa mple.okta.com"), "orgUrl", "is not a URL");
    assertInvalid(with("orgUrl", "ftp://example.okta.com"), "orgUrl", "https://");
    assertInvalid(with("orgUrl", "example.okta.com"), "orgUrl", "https://");
    assertInvalid(with("orgUrl", "https://example.okta.com/api/v1"), "orgUrl", "without a path");
    assertInvalid(with("orgUrl", "https://example.okta.com?x=1"), "orgUrl", "without a path");
    assertInvalid(with("orgUrl", "https://admin@example.okta.com"), "orgUrl", "user info");
    assertInvalid(with("orgUrl", "https://example-admin.okta.com"), "orgUrl", "admin console");
    assertInvalid(with("orgUrl", "https://example.okta.com.com"), "orgUrl", ".com.com");
    assertInvalid(with("orgUrl", "https://{yourOktaDomain}"), "orgUrl", "is not a URL");
  }

  @Test
  void plainHttpOnlyInAJvmThatSetsTheSdksTestSwitch() {
    String before = System.getProperty(OktaSettings.DISABLE_HTTPS_CHECK);
    try {
      System.clearProperty(OktaSettings.DISABLE_HTTPS_CHECK);
      assertInvalid(with("orgUrl", "http://example.okta.com"), "orgUrl", "must be an https://");
      System.setProperty(OktaSettings.DISABLE_HTTPS_CHECK, "true");
      assertThat(parse(with("orgUrl", "http://127.0.0.1:8080")).orgUrl())
          .hasToString("http://127.0.0.1:8080");
    } finally {
      if (before == null) {
        System.clearProperty(OktaSettings.DISABLE_HTTPS_CHECK);
      } else {
        System.setProperty(OktaSettings.DISABLE_HTTPS_CHECK, before);
      }
    }
  }

  @Test
  void credentialsAreOneWayOrTheOther() {
    Map<String, Object> none = token();
    none.remove("apiToken");
    assertInvalid(none, "apiToken", "is required, or clientId with privateKey");
    Map<String, Object> both = serviceApp();
    both.put("apiToken", TOKEN);
    assertInvalid(both, "apiToken", "not both");
    assertInvalid(with("apiToken", "SSWS " + TOKEN), "apiToken", "without the 'SSWS ' prefix");
    assertInvalid(with("apiToken", "00ab cd"), "apiToken", "spaces");
    assertInvalid(with("apiToken", "{apiToken}"), "apiToken", "placeholder");
    assertInvalid(with("scopes", List.of("okta.users.read")), "scopes", "service app");
    assertInvalid(with("privateKey", PEM), "privateKey", "service app");
    Map<String, Object> keyAlone = serviceApp();
    keyAlone.remove("clientId");
    assertInvalid(keyAlone, "clientId", "is required with a private key");
  }

  @Test
  void aServiceAppNeedsOneReadablePemKey() {
    Map<String, Object> noKey = serviceApp();
    noKey.remove("privateKey");
    assertInvalid(noKey, "privateKey", "is required with clientId");
    Map<String, Object> twoKeys = serviceApp();
    twoKeys.put("privateKeyFile", "/etc/roster/okta.pem");
    assertInvalid(twoKeys, "privateKeyFile", "not both");
    Map<String, Object> s = serviceApp();
    s.put("privateKey", "not a key");
    assertInvalid(s, "privateKey", "is not a PEM private key");
    s.put(
        "privateKey",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----");
    assertInvalid(s, "privateKey", "encrypted");
    s.put("privateKey", "-----BEGIN PRIVATE KEY-----\nMIIB*\n-----END PRIVATE KEY-----");
    assertInvalid(s, "privateKey", "is not a PEM private key");
    s.put("privateKey", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----");
    assertInvalid(s, "privateKey", "neither an RSA nor an EC");
    Map<String, Object> scopes = serviceApp();
    scopes.put("scopes", List.of("okta.users.read", " "));
    assertInvalid(scopes, "scopes[1]", "one scope");
    Map<String, Object> spaced = serviceApp();
    spaced.put("clientId", "0oa 1");
    assertInvalid(spaced, "clientId", "spaces");
    spaced.put("clientId", "{clientId}");
    assertInvalid(spaced, "clientId", "placeholder");
  }

  @Test
  void errorsNeverQuoteTheKey() {
    Map<String, Object> s = serviceApp();
    String broken = PEM.replace("-----END PRIVATE KEY-----", "");
    s.put("privateKey", broken);
    assertThatThrownBy(() -> parse(s)).hasMessageNotContaining(broken.substring(30, 90));
  }

  @Test
  void groupsAreListedByIdOrName() {
    Map<String, Object> s =
        with("groups", List.of("Engineering", "00gRo500000000000042", "Say \"hi\""));
    GroupScope groups = parse(s).groups();
    assertThat(groups.ids()).containsExactly("00gRo500000000000042");
    assertThat(groups.names()).containsExactly("Engineering", "Say \"hi\"");
    assertThat(groups.search())
        .isEqualTo(
            "(id eq \"00gRo500000000000042\") or (profile.name eq \"Engineering\") or"
                + " (profile.name eq \"Say \\\"hi\\\"\")");
    assertInvalid(with("groups", List.of("Sales", " ")), "groups[1]", "not blank");
    assertInvalid(with("groups", List.of("Sales", 3)), "groups[1]", "must be a string");
  }

  @Test
  void aGroupsFilterKeepsToOrdinaryGroupsUnlessItTestsTheType() {
    assertThat(parse(with("groupsFilter", "(name=Eng*)")).groups().search())
        .isEqualTo(
            "(profile.name sw \"Eng\") and (type eq \"OKTA_GROUP\" or type eq \"APP_GROUP\")");
    assertThat(parse(with("groupsFilter", "(type=BUILT_IN)")).groups().search())
        .isEqualTo("(type eq \"BUILT_IN\")");
    Map<String, Object> both = with("groupsFilter", "(type=APP_GROUP)");
    both.put("groups", List.of("Sales"));
    assertThat(parse(both).groups().search())
        .isEqualTo("(profile.name eq \"Sales\") or ((type eq \"APP_GROUP\"))");
  }

  @Test
  void filtersOktaCannotSearchByAreRefusedNamingThePart() {
    assertInvalid(with("groupsFilter", "(name=Eng"), "groupsFilter", "is not an RFC 4515 filter");
    assertInvalid(with("groupsFilter", "(!(name=Eng*))"), "groupsFilter", "NOT");
    assertInvalid(with("usersFilter", "(title=*lead*)"), "usersFilter", "'(title=*lead*)'");
    assertInvalid(with("usersFilter", "(title~=lead)"), "usersFilter", "'(title~=lead)'");
    assertInvalid(
        with("usersFilter", "(&(status=ACTIVE)(credentials.provider=OKTA))"),
        "usersFilter",
        "'credentials.provider' is not a property Okta can search");
    assertInvalid(with("usersFilter", "(&)"), "usersFilter", "empty AND");
  }

  @Test
  void theMappingOverridesTheDefaultsFieldByField() {
    Map<String, Object> s =
        with(
            "mapping",
            Map.of(
                "login",
                "email",
                "title",
                "jobCode | title",
                "department",
                " ",
                "phone",
                "primaryPhone"));
    ProfileMapping m = parse(s).mapping();
    assertThat(m.login()).containsExactly("email");
    assertThat(m.fields())
        .containsEntry(UserFields.TITLE, List.of("jobCode", "title"))
        .containsEntry(UserFields.PHONE, List.of("primaryPhone"))
        .doesNotContainKey(UserFields.DEPARTMENT);
    assertInvalid(with("mapping", Map.of("login", " ")), "mapping.login", "is required");
    assertInvalid(with("mapping", Map.of("mail", "email")), "mapping.mail", "is not a field");
    assertInvalid(
        with("mapping", Map.of("title", "job-title")), "mapping.title", "'job-title' is not");
    assertInvalid(with("mapping", Map.of("title", 3)), "mapping.title", "must be a string");
    assertInvalid(with("mapping", "login"), "mapping", "must be an object");
  }

  @Test
  void numbersAndSwitchesAreChecked() {
    assertInvalid(with("lockedOutIsDisabled", "maybe"), "lockedOutIsDisabled", "true or false");
    assertInvalid(with("pageSize", 0), "pageSize", "between 1 and 200");
    assertInvalid(with("pageSize", 201), "pageSize", "between 1 and 200");
    assertInvalid(with("connectTimeoutSeconds", 0), "connectTimeoutSeconds", "between");
    assertInvalid(with("readTimeoutSeconds", "soon"), "readTimeoutSeconds", "whole number");
    assertInvalid(with("maxRetries", -1), "maxRetries", "between 0 and 100");
    assertInvalid(with("maxRetryWaitSeconds", 0), "maxRetryWaitSeconds", "between 1");
    assertInvalid(with("overlapSeconds", -1), "overlapSeconds", "between 0");
    assertInvalid(with("fullReconcileHours", 1e9), "fullReconcileHours", "between 0");
    OktaSettings s = parse(with("lockedOutIsDisabled", false));
    assertThat(s.lockedOutIsDisabled()).isFalse();
  }
}
