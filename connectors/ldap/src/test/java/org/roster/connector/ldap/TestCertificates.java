package org.roster.connector.ldap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Throwaway certificates made with the JDK's keytool, for TLS tests. */
final class TestCertificates {
  static final String PASSWORD = "changeit";

  private TestCertificates() {}

  /** A PKCS12 key store with one self-signed certificate for {@code name}, and its PEM beside. */
  record Issued(Path keyStore, Path pem, Path trustStore) {}

  static Issued selfSigned(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path ks = dir.resolve(name + ".p12");
      Path pem = dir.resolve(name + ".pem");
      Path trust = dir.resolve(name + "-trust.p12");
      Files.deleteIfExists(ks);
      Files.deleteIfExists(pem);
      Files.deleteIfExists(trust);
      keytool(
          "-genkeypair",
          "-alias",
          "server",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-validity",
          "2",
          "-dname",
          "CN=" + name,
          "-ext",
          "SAN=dns:" + name,
          "-keystore",
          ks.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          PASSWORD,
          "-keypass",
          PASSWORD);
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "server",
          "-keystore",
          ks.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          PASSWORD,
          "-file",
          pem.toString());
      keytool(
          "-importcert",
          "-noprompt",
          "-alias",
          "ca",
          "-file",
          pem.toString(),
          "-keystore",
          trust.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          PASSWORD);
      return new Issued(ks, pem, trust);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void keytool(String... args) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
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
