package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.PasswordVerifier.Verdict;
import org.roster.connector.api.Secret;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.okta.fake.Fault;

/**
 * The SDK's builder reads {@code ~/.okta/okta.yaml}, {@code OKTA_*} variables and {@code okta.*}
 * system properties; the profile's settings alone must decide. Each case points every one of those
 * elsewhere (another org, a bogus token, PrivateKey mode with a ready access token, a proxy that
 * refuses connections, the cache on, no retries) and reads the fake org all the same: with the
 * profile's token, retrying a 429, and without the SDK's cache (a user deleted between two look-ups
 * is seen gone).
 */
class IsolationTest {
  private static final Map<String, String> ELSEWHERE =
      Map.ofEntries(
          Map.entry("okta.client.orgUrl", "http://127.0.0.1:1"),
          Map.entry("okta.client.token", "00EnvironmentTokenMustNotBeUsed000000000"),
          Map.entry("okta.client.authorizationMode", "PrivateKey"),
          Map.entry("okta.client.clientId", "0oaEnvironmentClient"),
          Map.entry("okta.client.scopes", "okta.apps.read"),
          Map.entry("okta.client.privateKey", "/nonexistent/okta.pem"),
          Map.entry("okta.client.oauth2.accessToken", "environment-access-token"),
          Map.entry("okta.client.kid", "environment-kid"),
          Map.entry("okta.client.proxy.host", "127.0.0.1"),
          Map.entry("okta.client.proxy.port", "9"),
          Map.entry("okta.client.cache.enabled", "true"),
          Map.entry("okta.client.rateLimit.maxRetries", "0"),
          Map.entry("okta.client.connectionTimeout", "1"));

  private final TestOrg org = new TestOrg();
  private final FakeOkta okta = org.okta;
  private String ann;

  @BeforeEach
  void seed() {
    String staff = okta.addGroup("Staff");
    ann = org.user("ann", "Ann", "Lee", staff);
    org.user("bob", "Bob", "Ek", staff);
    okta.setPassword(ann, "correct horse");
  }

  @AfterEach
  void stop() {
    org.close();
  }

  /** Reads as the profile says, whatever the SDK found in its environment. */
  private void assertTheProfileAloneDecides() {
    okta.inject(Fault.rateLimit("/api/v1/users", 1, 1));
    assertThat(org.readAll(EntryKind.USER).usersByLogin()).containsOnlyKeys("ann", "bob");
    try (OktaSource source = org.open()) {
      assertThat(source.verifyPassword(ann, null, "ann", new Secret("correct horse")))
          .isEqualTo(Verdict.ACCEPTED);
      okta.deleteUser(ann);
      assertThat(source.verifyPassword(ann, null, "ann", new Secret("correct horse")))
          .as("no cached user")
          .isEqualTo(Verdict.NOT_FOUND);
    }
    assertThat(okta.requests("/api/v1/users/" + ann)).hasSize(2);
    assertThat(okta.requests().stream().filter(r -> r.path().startsWith("/api/v1/users")))
        .allMatch(r -> ("SSWS " + okta.apiToken()).equals(r.auth()));
    assertThat(okta.requests("/oauth2/v1/token")).isEmpty();
  }

  @Test
  void aUserHomeOktaYamlIsIgnored(@TempDir Path home) throws Exception {
    Path yaml = home.resolve(".okta").resolve("okta.yaml");
    Files.createDirectories(yaml.getParent());
    Files.writeString(yaml, yaml(ELSEWHERE), StandardCharsets.UTF_8);
    String before = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      assertTheProfileAloneDecides();
    } finally {
      System.setProperty("user.home", before);
    }
  }

  @Test
  void oktaSystemPropertiesAreIgnored() {
    Map<String, String> before = new HashMap<>();
    ELSEWHERE.keySet().forEach(k -> before.put(k, System.getProperty(k)));
    ELSEWHERE.forEach(System::setProperty);
    try {
      assertTheProfileAloneDecides();
    } finally {
      before.forEach(
          (k, v) -> {
            if (v == null) {
              System.clearProperty(k);
            } else {
              System.setProperty(k, v);
            }
          });
    }
  }

  @Test
  void oktaEnvironmentVariablesAreIgnored() throws Exception {
    okta.inject(Fault.rateLimit("/api/v1/users", 1, 1));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder probe =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dokta.testing.disableHttpsCheck=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                IsolationProbe.class.getName(),
                okta.url(),
                okta.apiToken())
            .redirectErrorStream(true);
    ELSEWHERE.forEach((k, v) -> probe.environment().put(k.toUpperCase().replace('.', '_'), v));
    Process process = probe.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("logins=ann,bob");
    assertThat(okta.requests("/api/v1/users")).hasSize(2);
    assertThat(okta.requests()).allMatch(r -> ("SSWS " + okta.apiToken()).equals(r.auth()));
  }

  /** The properties as nested YAML, as okta.yaml is written. */
  private static String yaml(Map<String, String> properties) {
    StringBuilder out = new StringBuilder();
    Map<String, Object> tree = new TreeMap<>();
    properties.forEach((k, v) -> put(tree, List.of(k.split("\\.")), v));
    write(out, tree, 0);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, List<String> path, String value) {
    if (path.size() == 1) {
      tree.put(path.get(0), value);
      return;
    }
    Map<String, Object> child =
        (Map<String, Object>) tree.computeIfAbsent(path.get(0), k -> new TreeMap<>());
    put(child, path.subList(1, path.size()), value);
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder out, Map<String, Object> tree, int depth) {
    tree.forEach(
        (k, v) -> {
          out.append("  ".repeat(depth)).append(k).append(':');
          if (v instanceof Map<?, ?> m) {
            out.append('\n');
            write(out, (Map<String, Object>) m, depth + 1);
          } else {
            out.append(" \"").append(v).append("\"\n");
          }
        });
  }
}
