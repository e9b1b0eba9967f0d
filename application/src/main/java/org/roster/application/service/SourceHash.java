package org.roster.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Arrays;
import org.roster.connector.api.SourceUser;

/**
 * A fingerprint of what a source said about a user. Equal fingerprints mean nothing the sync
 * reads changed, so the entry is skipped without touching the store.
 */
final class SourceHash {
  private SourceHash() {}

  static String of(SourceUser user) {
    StringBuilder b = new StringBuilder(256);
    b.append(user.login()).append('\u0000').append(user.enabled()).append('\u0000')
        .append(user.location()).append('\u0000');
    String[] keys = user.attributes().keySet().toArray(new String[0]);
    Arrays.sort(keys);
    for (String k : keys) {
      b.append(k).append('=').append(user.attributes().get(k)).append('\u0000');
    }
    String[] groups = user.groupIds().toArray(new String[0]);
    Arrays.sort(groups);
    for (String g : groups) {
      b.append(g).append('\u0001');
    }
    return digest(b.toString());
  }

  static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
