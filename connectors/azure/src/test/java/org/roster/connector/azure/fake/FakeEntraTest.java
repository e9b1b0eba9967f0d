package org.roster.connector.azure.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake itself keeps Microsoft's contracts, so that tests against it mean something. */
class FakeEntraTest {
  private final FakeEntra entra = FakeEntra.start();
  private final HttpClient http = HttpClient.newBuilder().sslContext(trusting()).build();

  @AfterEach
  void close() {
    entra.close();
  }

  private static SSLContext trusting() {
    try (InputStream in = Files.newInputStream(FakeCertificates.get().serverPem())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> token(String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(entra.authority() + entra.tenantId() + "/oauth2/v2.0/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String form(String credential) {
    return "grant_type=client_credentials&client_id="
        + entra.clientId()
        + "&scope="
        + URLEncoder.encode(entra.graphUrl().replace("/v1.0", "/.default"), StandardCharsets.UTF_8)
        + "&"
        + credential;
  }

  private HttpResponse<String> get(String path, String token, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(entra.graphUrl() + path))
            .header("Authorization", "Bearer " + token);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String filter(String odata) {
    return "?$filter=" + URLEncoder.encode(odata, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String accessToken() throws Exception {
    return json(token(form("client_secret=" + entra.clientSecret()))).path("access_token").asText();
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return DeltaFeed.JSON.readTree(response.body());
  }

  /** A client assertion signed with the stranger's key, claiming the app certificate's x5t. */
  private String forgedAssertion() throws Exception {
    X509Certificate app = FakeCertificates.certificate(FakeCertificates.get().clientKeyStore());
    KeyStore stranger = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(FakeCertificates.get().strangerKeyStore())) {
      stranger.load(in, FakeCertificates.PASSWORD.toCharArray());
    }
    PrivateKey key =
        (PrivateKey)
            stranger.getKey(
                stranger.aliases().nextElement(), FakeCertificates.PASSWORD.toCharArray());
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString(
            DeltaFeed.JSON.writeValueAsBytes(
                Map.of(
                    "alg",
                    "RS256",
                    "typ",
                    "JWT",
                    "x5t#S256",
                    b64.encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(app.getEncoded())))));
    String claims =
        b64.encodeToString(
            DeltaFeed.JSON.writeValueAsBytes(
                Map.of(
                    "aud",
                    entra.authority() + entra.tenantId() + "/oauth2/v2.0/token",
                    "iss",
                    entra.clientId(),
                    "sub",
                    entra.clientId(),
                    "jti",
                    UUID.randomUUID().toString(),
                    "exp",
                    Instant.now().getEpochSecond() + 600)));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + b64.encodeToString(signature.sign());
  }

  @Test
  void aClientAssertionSignedWithAnotherKeyIsRefused() throws Exception {
    HttpResponse<String> refused =
        token(
            form(
                "client_assertion_type="
                    + URLEncoder.encode(
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        StandardCharsets.UTF_8)
                    + "&client_assertion="
                    + forgedAssertion()));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).path("error").asText()).isEqualTo("invalid_client");
    assertThat(json(refused).path("error_codes").get(0).asInt()).isEqualTo(700027);
    assertThat(json(refused).path("error_description").asText())
        .startsWith("AADSTS700027: Client assertion contains an invalid signature");
  }

  @Test
  void graphWantsABearerTokenTheFakeIssued() throws Exception {
    HttpResponse<String> refused = get("/users", "made-up");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).path("error").path("code").asText())
        .isEqualTo("InvalidAuthenticationToken");
    assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(get("/users", accessToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void pagesAreAtMost999AndPropertiesMustExist() throws Exception {
    String token = accessToken();
    HttpResponse<String> tooBig = get("/users?$top=1000", token);
    assertThat(tooBig.statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = get("/users?$select=id,nickname", token);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).path("error").path("message").asText())
        .contains("Could not find a property named 'nickname'");
  }

  @Test
  void whatGraphServesOnlyInAdvancedQueriesIsRefusedWithoutThem() throws Exception {
    Map<String, Object> brien = new HashMap<>(FakeDirectory.person("sb", "S", "O'Brien"));
    brien.put("companyName", "Contoso");
    entra.directory().addUser(brien);
    String token = accessToken();
    HttpResponse<String> search = get("/users?$search=%22displayName:S%22", token);
    assertThat(search.statusCode()).isEqualTo(400);
    assertThat(json(search).path("error").path("message").asText())
        .isEqualTo(
            "Request with $search query parameter only works through MSGraph with a special"
                + " request header: 'ConsistencyLevel: eventual'");
    HttpResponse<String> company = get("/users" + filter("companyName eq 'Contoso'"), token);
    assertThat(company.statusCode()).isEqualTo(400);
    assertThat(json(company).path("error").path("code").asText())
        .isEqualTo("Request_UnsupportedQuery");
    assertThat(json(company).path("error").path("message").asText())
        .startsWith("Operator 'eq' is not supported because the required parameters might be");
    HttpResponse<String> advanced =
        get(
            "/users" + filter("companyName eq 'Contoso'") + "&$count=true",
            token,
            "ConsistencyLevel",
            "eventual");
    assertThat(json(advanced).path("value")).hasSize(1);
    HttpResponse<String> flag = get("/users" + filter("startswith(accountEnabled,'t')"), token);
    assertThat(json(flag).path("error").path("message").asText())
        .isEqualTo(
            "Unsupported or invalid query filter clause specified for property 'accountEnabled'"
                + " of resource 'User'.");
    HttpResponse<String> quoted = get("/users" + filter("startswith(surname,'o''b')"), token);
    assertThat(json(quoted).path("value").get(0).path("surname").asText()).isEqualTo("O'Brien");
    assertThat(get("/users" + filter("startswith(surname,'o'b')"), token).statusCode())
        .isEqualTo(400);
  }

  @Test
  void deltaQueriesReportChangesTheWayGraphDocumentsThem() throws Exception {
    FakeDirectory d = entra.directory();
    String alice = d.addUser(FakeDirectory.person("alice", "Alice", "A"));
    String bob = d.addUser(FakeDirectory.person("bob", "Bob", "B"));
    String sales = d.addGroup("Sales", Map.of());
    d.addMember(sales, alice);
    String token = accessToken();
    JsonNode initial = json(get("/groups/delta?$select=displayName,members", token));
    assertThat(initial.path("value").get(0).path("members@delta").get(0).path("id").asText())
        .isEqualTo(alice);
    String groupsLink = initial.path("@odata.deltaLink").asText();
    String usersLink =
        json(get("/users/delta?$select=surname&$deltatoken=latest", token))
            .path("@odata.deltaLink")
            .asText();
    d.updateUser(alice, Map.of("surname", "Archer", "jobTitle", "Boss"));
    d.deleteUser(bob);
    d.removeMember(sales, alice);
    JsonNode users = json(get(usersLink.substring(entra.graphUrl().length()), token));
    assertThat(users.path("value")).hasSize(2);
    assertThat(users.path("value").get(0).path("surname").asText()).isEqualTo("Archer");
    assertThat(users.path("value").get(0).has("jobTitle")).as("not selected").isFalse();
    assertThat(users.path("value").get(0).has("givenName")).as("unchanged").isFalse();
    assertThat(users.path("value").get(1).path("@removed").path("reason").asText())
        .isEqualTo("deleted");
    JsonNode groups = json(get(groupsLink.substring(entra.graphUrl().length()), token));
    JsonNode member = groups.path("value").get(0).path("members@delta").get(0);
    assertThat(member.path("@odata.type").asText()).isEqualTo(FakeDirectory.USER);
    assertThat(member.has("@removed")).isTrue();
    assertThat(groups.path("value").get(0).has("displayName")).isFalse();
  }
}
