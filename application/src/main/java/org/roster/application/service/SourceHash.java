package org.roster.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
    for (Map.Entry<String, String> e : new TreeMap<>(user.attributes()).entrySet()) {
      b.append(e.getKey()).append('=').append(e.getValue()).append('\u0000');
    }
    for (String g : new TreeSet<>(user.groupIds())) {
      b.append(g).append('\u0001');
    }
    return digest(b.toString());
  }

  static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
