package org.roster.connector.azure;

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
import org.roster.connector.api.Secret;
import org.roster.connector.api.UserFields;

/** Settings are validated without I/O and name the setting at fault. */
class AzureSettingsTest {
  private static final String TENANT = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  private static final String CLIENT = "11111111-2222-4333-8444-555555555555";

  private static Map<String, Object> minimal() {
    Map<String, Object> s = new HashMap<>();
    s.put("tenantId", TENANT);
    s.put("clientId", CLIENT);
    s.put("clientSecret", "s3cret-value");
    return s;
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> s = minimal();
    s.put(key, value);
    return s;
  }

  private static AzureSettings parse(Map<String, Object> s) {
    return AzureSettings.from(RawSettings.of(s));
  }

  private static void assertInvalid(Map<String, Object> s, String field, String message) {
    assertThatThrownBy(() -> parse(s))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void defaults() {
    AzureSettings s = parse(minimal());
    assertThat(s.endpoints().authority()).hasToString("https://login.microsoftonline.com/");
    assertThat(s.endpoints().graph()).hasToString("https://graph.microsoft.com/v1.0");
    assertThat(s.endpoints().tenantAuthority(TENANT))
        .isEqualTo("https://login.microsoftonline.com/" + TENANT + "/");
    assertThat(s.endpoints().scope()).isEqualTo("https://graph.microsoft.com/.default");
    assertThat(s.credential()).isInstanceOf(AppCredential.ClientSecret.class);
    assertThat(s.trust().file()).isEmpty();
    assertThat(s.groups().namesOrIds()).isEmpty();
    assertThat(s.groups().filter()).isEmpty();
    assertThat(s.usersFilter()).isEmpty();
    assertThat(s.nestedGroups()).isFalse();
    assertThat(s.retries()).isEqualTo(new RetryPolicy(8, Duration.ofSeconds(60)));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.mapping().login()).containsExactly("userPrincipalName");
    assertThat(s.mapping().fields())
        .containsEntry(UserFields.EMAIL, List.of("mail"))
        .containsEntry(UserFields.GIVEN_NAME, List.of("givenName"))
        .containsEntry(UserFields.FAMILY_NAME, List.of("surname"))
        .containsEntry(UserFields.DISPLAY_NAME, List.of("displayName"))
        .containsEntry(UserFields.TITLE, List.of("jobTitle"))
        .containsEntry(UserFields.DEPARTMENT, List.of("department"))
        .containsEntry(UserFields.COMPANY, List.of("companyName"))
        .containsEntry(UserFields.PHONE, List.of("businessPhones", "mobilePhone"));
  }

  @Test
  void aNationalCloudIsTwoUrls() {
    Map<String, Object> s = with("authority", "https://login.microsoftonline.us");
    s.put("graphUrl", "https://graph.microsoft.us/v1.0/");
    AzureSettings settings = parse(s);
    assertThat(settings.endpoints().tenantAuthority("contoso.onmicrosoft.us"))
        .isEqualTo("https://login.microsoftonline.us/contoso.onmicrosoft.us/");
    assertThat(settings.endpoints().graphBase()).isEqualTo("https://graph.microsoft.us/v1.0");
    assertThat(settings.endpoints().scope()).isEqualTo("https://graph.microsoft.us/.default");
  }

  @Test
  void aVerifiedDomainIsATenant() {
    assertThat(parse(with("tenantId", "contoso.onmicrosoft.com")).tenantId())
        .isEqualTo("contoso.onmicrosoft.com");
  }

  @Test
  void secretsNeverPrint() {
    Map<String, Object> s = minimal();
    s.put("trustFile", "/etc/roster/proxy-ca.p12");
    s.put("trustStorePassword", "store-pass");
    assertThat(parse(s).toString()).doesNotContain("s3cret-value").doesNotContain("store-pass");
    Map<String, Object> c = minimal();
    c.remove("clientSecret");
    c.put("certificateFile", "/etc/roster/app.p12");
    c.put("certificatePassword", "cert-pass");
    AzureSettings certificate = parse(c);
    assertThat(certificate.credential())
        .isEqualTo(
            new AppCredential.Certificate(Path.of("/etc/roster/app.p12"), new Secret("cert-pass")));
    assertThat(certificate.toString()).doesNotContain("cert-pass");
    assertThat(new AzureConnectorFactory().secretSettings())
        .containsExactlyInAnyOrder("clientSecret", "certificatePassword", "trustStorePassword");
  }

  @Test
  void tenantAndClient() {
    Map<String, Object> none = minimal();
    none.remove("tenantId");
    assertInvalid(none, "tenantId", "is required");
    assertInvalid(with("tenantId", "common"), "tenantId", "app-only tokens need");
    assertInvalid(with("tenantId", "not a tenant"), "tenantId", "GUID");
    Map<String, Object> noClient = minimal();
    noClient.remove("clientId");
    assertInvalid(noClient, "clientId", "is required");
    assertInvalid(with("clientId", "my-app"), "clientId", "GUID");
  }

  @Test
  void credentials() {
    Map<String, Object> none = minimal();
    none.remove("clientSecret");
    assertInvalid(none, "clientSecret", "is required (or certificateFile");
    assertInvalid(with("certificateFile", "/app.p12"), "clientSecret", "not both");
    Map<String, Object> noPassword = minimal();
    noPassword.remove("clientSecret");
    noPassword.put("certificateFile", "/app.p12");
    assertInvalid(noPassword, "certificatePassword", "is required with certificateFile");
    assertInvalid(with("certificatePassword", "x"), "certificatePassword", "only applies");
    assertInvalid(with("certificateFile", "bad\0path"), "clientSecret", "not both");
    Map<String, Object> badPath = minimal();
    badPath.remove("clientSecret");
    badPath.put("certificateFile", "bad\0path");
    badPath.put("certificatePassword", "x");
    assertInvalid(badPath, "certificateFile", "is not a valid path");
  }

  @Test
  void endpointsAreHttpsUrls() {
    assertInvalid(with("authority", "http://login.microsoftonline.com/"), "authority", "https://");
    assertInvalid(with("graphUrl", "http://graph.microsoft.com/v1.0"), "graphUrl", "https://");
    assertInvalid(with("graphUrl", "https://graph.microsoft.com/v1.0?x=1"), "graphUrl", "query");
    assertInvalid(with("authority", "https:///tenant"), "authority", "must name a host");
    assertInvalid(with("graphUrl", "https://bad host/"), "graphUrl", "is not a URL");
  }

  @Test
  void trust() {
    assertInvalid(with("trustStorePassword", "x"), "trustStorePassword", "only applies");
    assertInvalid(with("trustFile", "bad\0path"), "trustFile", "is not a valid path");
    assertThat(parse(with("trustFile", "/etc/ca.pem")).trust().pkcs12()).isFalse();
    assertThat(parse(with("trustFile", "/etc/ca.PFX")).trust().pkcs12()).isTrue();
  }

  @Test
  void groupsAndFilters() {
    Map<String, Object> s =
        with("groups", List.of("Sales", "0c4a2f1e-aaaa-4bbb-8ccc-123456789012"));
    s.put("groupsFilter", "(&(securityEnabled=TRUE)(displayName=Sales*))");
    s.put("usersFilter", "(department=Sales)");
    AzureSettings settings = parse(s);
    assertThat(settings.groups().namesOrIds()).hasSize(2);
    assertThat(settings.groups().selector().test("x", "sales")).isTrue();
    assertThat(settings.groups().selector().test("0C4A2F1E-AAAA-4BBB-8CCC-123456789012", "Y"))
        .isTrue();
    assertThat(settings.groups().selector().test("x", "Marketing")).isFalse();
    assertThat(settings.groups().filter().orElseThrow().odata())
        .isEqualTo("securityEnabled eq true and startswith(displayName,'Sales')");
    assertThat(settings.usersFilter().orElseThrow().odata()).isEqualTo("department eq 'Sales'");
    assertInvalid(with("groups", List.of("Sales", " ")), "groups[1]", "display name or object id");
    assertInvalid(with("groups", Map.of()), "groups", "list of strings");
    assertInvalid(with("groupsFilter", "(displayName=*Sales)"), "groupsFilter", "trailing");
    assertInvalid(with("usersFilter", "(!(department=Sales))"), "usersFilter", "negation");
    assertInvalid(with("usersFilter", "department=Sales)("), "usersFilter", "RFC 4515");
    assertInvalid(with("nestedGroups", "yes"), "nestedGroups", "true or false");
    assertThat(parse(with("nestedGroups", true)).nestedGroups()).isTrue();
  }

  @Test
  void mapping() {
    AzureSettings s =
        parse(
            with(
                "mapping",
                Map.of(
                    "login", "onPremisesSamAccountName, userPrincipalName",
                    "phone", "mobilePhone",
                    "company", "",
                    "department", "onPremisesExtensionAttributes/extensionAttribute1")));
    assertThat(s.mapping().login())
        .containsExactly("onPremisesSamAccountName", "userPrincipalName");
    assertThat(s.mapping().fields())
        .containsEntry(UserFields.PHONE, List.of("mobilePhone"))
        .containsEntry(
            UserFields.DEPARTMENT, List.of("onPremisesExtensionAttributes/extensionAttribute1"))
        .doesNotContainKey(UserFields.COMPANY);
    assertThat(s.mapping().properties())
        .contains("onPremisesSamAccountName", "onPremisesExtensionAttributes")
        .doesNotContain("companyName", "onPremisesExtensionAttributes/extensionAttribute1");
    assertInvalid(with("mapping", Map.of("login", " ")), "mapping.login", "must not be blank");
    assertInvalid(with("mapping", Map.of("manager", "manager")), "mapping.manager", "not a field");
    assertInvalid(with("mapping", Map.of("email", "mail;x")), "mapping.email", "not a Graph");
    assertInvalid(with("mapping", Map.of("email", "mail,")), "mapping.email", "not a Graph");
    assertInvalid(with("mapping", Map.of("email", 3)), "mapping.email", "must be a string");
  }

  @Test
  void numbersInRange() {
    assertInvalid(with("maxRetries", -1), "maxRetries", "between 0 and 50");
    assertInvalid(with("maxRetryWaitSeconds", 0), "maxRetryWaitSeconds", "between 1 and 3600");
    assertInvalid(with("connectTimeoutSeconds", "soon"), "connectTimeoutSeconds", "whole number");
    assertInvalid(with("responseTimeoutSeconds", 0), "responseTimeoutSeconds", "between 1");
    Map<String, Object> s = with("maxRetries", 2);
    s.put("maxRetryWaitSeconds", "5");
    assertThat(parse(s).retries()).isEqualTo(new RetryPolicy(2, Duration.ofSeconds(5)));
  }
}
