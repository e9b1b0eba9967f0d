package org.roster.connector.okta.fake;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Key pairs for service apps: the private key as the PEM an admin downloads from Okta. */
public final class TestKeys {
  private TestKeys() {}

  /** A new 2048-bit RSA key pair (signed with RS256 by the Okta SDK). */
  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is always available", e);
    }
  }

  /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public static String pem(KeyPair pair) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(pair.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }
}
