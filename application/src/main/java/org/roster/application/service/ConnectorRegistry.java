package org.roster.application.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.RawSettings;
import org.roster.domain.sync.Profile;

/**
 * The connector factories this server has, by type, and the one place where a profile's stored
 * settings become what its connector reads: the secrets among them are sealed at rest ({@link
 * SecretBox}) and opened only here, when a source is opened.
 */
public final class ConnectorRegistry {
  private final Map<String, ConnectorFactory> byType = new TreeMap<>();
  private final SecretBox secrets;

  /** A registry whose secrets are sealed with a key that lives as long as the process (tests). */
  public ConnectorRegistry(Collection<ConnectorFactory> factories) {
    this(factories, SecretBox.ephemeral());
  }

  public ConnectorRegistry(Collection<ConnectorFactory> factories, SecretBox secrets) {
    this.secrets = secrets;
    for (ConnectorFactory f : factories) {
      if (byType.put(f.type(), f) != null) {
        throw new IllegalStateException("two connectors of type '" + f.type() + "'");
      }
    }
  }

  /** @throws InvalidRequestException naming {@code type} when there is no such connector */
  public ConnectorFactory get(String type) {
    ConnectorFactory f = byType.get(type);
    if (f == null) {
      throw new InvalidRequestException("type",
          "unknown profile type '" + type + "'; this server has " + byType.keySet());
    }
    return f;
  }

  public Set<String> types() {
    return byType.keySet();
  }

  /**
   * The profile's settings as its connector validated them, secrets opened.
   *
   * @throws org.roster.connector.api.InvalidSettingsException when they are no longer valid
   * @throws SecretBox.UnreadableSecretException when a secret was sealed with another key
   */
  public ConnectorSettings settingsOf(Profile p) {
    return get(p.type()).validate(RawSettings.of(plainSettings(p.id(), p.type(), p.settings())));
  }

  /** The settings with the type's secrets opened (sealed values only; others are as stored). */
  Map<String, Object> plainSettings(UUID profileId, String type, Map<String, Object> stored) {
    Map<String, Object> plain = new HashMap<>(stored);
    for (String key : get(type).secretSettings()) {
      Object v = plain.get(key);
      if (SecretBox.isSealed(v)) {
        plain.put(key, secrets.open((String) v, context(profileId, key)));
      }
    }
    return plain;
  }

  /** The settings with the type's secrets sealed for storage (values sealed already stay). */
  Map<String, Object> sealedSettings(UUID profileId, String type, Map<String, Object> plain) {
    Map<String, Object> sealed = new HashMap<>(plain);
    for (String key : get(type).secretSettings()) {
      Object v = sealed.get(key);
      if (v instanceof String s && !s.isEmpty() && !SecretBox.isSealed(s)) {
        sealed.put(key, secrets.seal(s, context(profileId, key)));
      }
    }
    return sealed;
  }

  private static String context(UUID profileId, String key) {
    return "profile " + profileId + " setting '" + key + "'";
  }
}
