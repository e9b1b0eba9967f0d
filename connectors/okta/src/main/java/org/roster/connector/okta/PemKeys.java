package org.roster.connector.okta;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roster.connector.api.InvalidSettingsException;

/**
 * Checks, without I/O, that a text is a PEM private key the Okta SDK can sign with: PKCS#8 ({@code
 * BEGIN PRIVATE KEY}, RSA or EC) or PKCS#1/SEC1 ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC
 * PRIVATE KEY}), unencrypted. Errors never quote the key.
 */
final class PemKeys {
  private static final Pattern PEM =
      Pattern.compile(
          "-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private PemKeys() {}

  /**
   * @param setting the setting named in errors
   * @throws InvalidSettingsException when the text is not such a key
   */
  static void check(String setting, String pem) {
    String text = pem.strip();
    if (text.contains("ENCRYPTED")) {
      throw new InvalidSettingsException(
          setting, "is an encrypted key; give the unencrypted PEM (PKCS#8 or PKCS#1)");
    }
    Matcher m = PEM.matcher(text);
    if (!m.matches()) {
      throw new InvalidSettingsException(
          setting, "is not a PEM private key (-----BEGIN PRIVATE KEY----- ... -----END ...)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingsException(setting, "has a damaged base64 body");
    }
    if (der.length == 0) {
      throw new InvalidSettingsException(setting, "has an empty body");
    }
    if (m.group(1).equals("PRIVATE KEY") && !readable(der, "RSA") && !readable(der, "EC")) {
      throw new InvalidSettingsException(setting, "is neither an RSA nor an EC private key");
    }
  }

  private static boolean readable(byte[] pkcs8, String algorithm) {
    try {
      KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return true;
    } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
      return false;
    }
  }
}
