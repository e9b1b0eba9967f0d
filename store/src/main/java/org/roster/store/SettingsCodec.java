package org.roster.store;

import jakarta.inject.Singleton;
import java.util.Map;

/**
 * How a profile's settings are kept in the {@code profile.settings} column: the one place where
 * their secrets are to be encrypted at rest. For now they are stored as the JSON the admin wrote.
 */
@Singleton
final class SettingsCodec {
  private final JsonCodec json;

  SettingsCodec(JsonCodec json) {
    this.json = json;
  }

  String encode(Map<String, Object> settings) {
    return json.write(settings);
  }

  Map<String, Object> decode(String stored) {
    return json.objectMap(stored);
  }
}
