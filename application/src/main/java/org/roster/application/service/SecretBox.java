package org.roster.application.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the secrets of profile settings (bind passwords, client secrets, API tokens) for storage:
 * AES-256-GCM with a fresh 96-bit nonce per value and a 128-bit tag. The associated data is the
 * value's context (its profile and setting), so a sealed value copied to another profile or
 * setting does not open. A sealed value reads {@code aesgcm:v1:<base64url(nonce ‖ ciphertext)>}.
 */
public final class SecretBox {
  /** The prefix of every sealed value. */
  public static final String PREFIX = "aesgcm:v1:";
  /** Key length in bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** @param key {@value #KEY_BYTES} bytes */
  public SecretBox(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the secret key must be " + KEY_BYTES + " bytes, not " + (key == null ? 0 : key.length));
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A box with a random key that lives as long as the process (tests, throwaway servers). */
  public static SecretBox ephemeral() {
    byte[] k = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(k);
    return new SecretBox(k);
  }

  /** True when the text is a sealed value. */
  public static boolean isSealed(Object value) {
    return value instanceof String s && s.startsWith(PREFIX);
  }

  /** Seals a secret for the given context (e.g. {@code profileId/bindPassword}). */
  public String seal(String plain, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Opens a value sealed for the same context.
   *
   * @throws UnreadableSecretException when it was sealed with another key or for another context,
   *     or is damaged
   */
  public String open(String sealed, String context) {
    if (!isSealed(sealed)) {
      throw new UnreadableSecretException(context, "it is not a sealed value");
    }
    byte[] in;
    try {
      in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new UnreadableSecretException(context, "it is damaged (not base64)");
    }
    if (in.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new UnreadableSecretException(context, "it is damaged (too short)");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new UnreadableSecretException(context,
          "it was sealed with another secret key (ROSTER_SECRET_KEY or the key file changed?)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** A stored secret that this server's key cannot open. */
  public static final class UnreadableSecretException extends IllegalStateException {
    UnreadableSecretException(String context, String why) {
      super("the stored secret " + context + " cannot be read: " + why);
    }
  }
}
