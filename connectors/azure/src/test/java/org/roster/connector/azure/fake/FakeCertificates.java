package org.roster.connector.azure.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificates made once per JVM with the JDK's keytool: the fake servers' TLS
 * certificate (SAN {@code localhost} and {@code 127.0.0.1}), one for a host name the servers do not
 * have, and client certificates an app registration can hold (or not).
 */
public final class FakeCertificates {

  /** The password of every key store made here. */
  public static final String PASSWORD = "changeit";

  private static FakeCertificates made;

  private final Path dir;

  private FakeCertificates(Path dir) {
    this.dir = dir;
  }

  /** The certificates of this JVM, made on first use. */
  public static synchronized FakeCertificates get() {
    if (made == null) {
      try {
        Path dir = Files.createTempDirectory("fake-entra-certs");
        dir.toFile().deleteOnExit();
        FakeCertificates certificates = new FakeCertificates(dir);
        certificates.keyPair("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        certificates.keyPair("elsewhere", "CN=elsewhere.example", "SAN=dns:elsewhere.example");
        certificates.keyPair("client", "CN=roster-test-app", null);
        certificates.keyPair("stranger", "CN=someone-else", null);
        certificates.trustStore("server");
        made = certificates;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return made;
  }

  /** A PKCS12 store with the TLS key of {@code localhost}/{@code 127.0.0.1}. */
  public Path serverKeyStore() {
    return dir.resolve("server.p12");
  }

  /** The server certificate as PEM: a {@code trustFile}. */
  public Path serverPem() {
    return dir.resolve("server.pem");
  }

  /** The server certificate in a PKCS12 trust store (password {@link #PASSWORD}). */
  public Path serverTrustStore() {
    return dir.resolve("server-trust.p12");
  }

  /** A PKCS12 store with a TLS key for {@code elsewhere.example} only. */
  public Path elsewhereKeyStore() {
    return dir.resolve("elsewhere.p12");
  }

  /** Its certificate as PEM. */
  public Path elsewherePem() {
    return dir.resolve("elsewhere.pem");
  }

  /** The app's certificate and private key (PKCS12, password {@link #PASSWORD}). */
  public Path clientKeyStore() {
    return dir.resolve("client.p12");
  }

  /** A certificate and key the app registration does not know. */
  public Path strangerKeyStore() {
    return dir.resolve("stranger.p12");
  }

  /** The certificate of a PKCS12 store made here. */
  public static X509Certificate certificate(Path keyStore) {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return (X509Certificate) store.getCertificate(store.aliases().nextElement());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * True when a JWT header's thumbprint ({@code x5t#S256} or {@code x5t}) is the certificate's. RFC
   * 7515 wants base64url; msal4j sends standard base64, which Entra ID accepts too.
   */
  static boolean hasThumbprint(X509Certificate certificate, String digest, JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      byte[] expected = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
      String text = value.asText();
      byte[] given =
          text.contains("+") || text.contains("/") || text.endsWith("=")
              ? Base64.getDecoder().decode(text)
              : Base64.getUrlDecoder().decode(text);
      return MessageDigest.isEqual(expected, given);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private void keyPair(String name, String dname, String san) throws IOException {
    Path store = dir.resolve(name + ".p12");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                dname,
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    if (san != null) {
      args.addAll(List.of("-ext", san));
    }
    keytool(args);
    keytool(
        List.of(
            "-exportcert",
            "-rfc",
            "-alias",
            name,
            "-keystore",
            store.toString(),
            "-storetype",
            "PKCS12",
            "-storepass",
            PASSWORD,
            "-file",
            dir.resolve(name + ".pem").toString()));
    store.toFile().deleteOnExit();
    dir.resolve(name + ".pem").toFile().deleteOnExit();
  }

  private void trustStore(String name) throws IOException {
    Path trust = dir.resolve(name + "-trust.p12");
    keytool(
        List.of(
            "-importcert",
            "-noprompt",
            "-alias",
            "ca",
            "-file",
            dir.resolve(name + ".pem").toString(),
            "-keystore",
            trust.toString(),
            "-storetype",
            "PKCS12",
            "-storepass",
            PASSWORD));
    trust.toFile().deleteOnExit();
  }

  private static void keytool(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
