package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceUnavailableException;

/**
 * LDAPS and StartTLS against in-memory servers with throwaway certificates: trust from PEM and
 * PKCS12, host names verified, {@code trustAll} as the insecure way out.
 */
class TlsTest {
  @TempDir Path dir;
  private InMemoryDirectoryServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutDown(true);
    }
  }

  /** Starts a server with an LDAPS and a StartTLS listener whose certificate names {@code name}. */
  private TestCertificates.Issued start(String name) throws Exception {
    TestCertificates.Issued cert = TestCertificates.selfSigned(dir, name);
    SSLUtil serverSsl =
        new SSLUtil(
            new KeyStoreKeyManager(
                cert.keyStore().toFile(),
                TestCertificates.PASSWORD.toCharArray(),
                "PKCS12",
                "server"),
            new TrustAllTrustManager());
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(InMemoryLdap.BASE);
    config.addAdditionalBindCredentials(InMemoryLdap.READER, InMemoryLdap.READER_PASSWORD);
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPSConfig(
            "ldaps", loopback, 0, serverSsl.createSSLServerSocketFactory(), null),
        InMemoryListenerConfig.createLDAPConfig(
            "ldap", loopback, 0, serverSsl.createSSLSocketFactory()));
    server = new InMemoryDirectoryServer(config);
    server.add(
        "dn: " + InMemoryLdap.BASE, "objectClass: top", "objectClass: domain", "dc: example");
    server.startListening();
    return cert;
  }

  private void test(Map<String, Object> overrides) {
    Map<String, Object> s = new HashMap<>();
    s.put("flavour", "openldap");
    s.put("bindDn", InMemoryLdap.READER);
    s.put("bindPassword", InMemoryLdap.READER_PASSWORD);
    s.put("baseDn", InMemoryLdap.BASE);
    s.put("connectTimeoutSeconds", 5);
    s.putAll(overrides);
    try (LdapSource source = Fixtures.open(LdapSettings.from(RawSettings.of(s)))) {
      source.testConnection();
    }
  }

  private String ldaps(String host) {
    return "ldaps://" + host + ":" + server.getListenPort("ldaps");
  }

  private String ldap(String host) {
    return "ldap://" + host + ":" + server.getListenPort("ldap");
  }

  @Test
  void ldapsAndStartTlsTrustingAPemOrPkcs12File() throws Exception {
    TestCertificates.Issued cert = start("localhost");
    assertThatCode(
            () -> test(Map.of("url", ldaps("localhost"), "trustFile", cert.pem().toString())))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                test(
                    Map.of(
                        "url", ldaps("localhost"),
                        "trustFile", cert.trustStore().toString(),
                        "trustStorePassword", TestCertificates.PASSWORD)))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                test(
                    Map.of(
                        "url",
                        ldap("localhost"),
                        "startTls",
                        true,
                        "trustFile",
                        cert.pem().toString())))
        .doesNotThrowAnyException();
  }

  @Test
  void aCertificateForAnotherHostIsRefused() throws Exception {
    TestCertificates.Issued cert = start("wrong.example");
    assertThatThrownBy(
            () -> test(Map.of("url", ldaps("localhost"), "trustFile", cert.pem().toString())))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("tls: ");
    assertThatThrownBy(
            () ->
                test(
                    Map.of(
                        "url",
                        ldap("localhost"),
                        "startTls",
                        true,
                        "trustFile",
                        cert.pem().toString())))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("tls: ");
  }

  @Test
  void anUntrustedCertificateIsRefusedUnlessTrustAll() throws Exception {
    start("localhost");
    assertThatThrownBy(() -> test(Map.of("url", ldaps("localhost"))))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("tls: ");
    assertThatCode(() -> test(Map.of("url", ldaps("127.0.0.1"), "trustAll", true)))
        .doesNotThrowAnyException();
  }
}
