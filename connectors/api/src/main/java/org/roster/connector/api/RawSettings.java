package org.roster.connector.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's settings as the admin wrote them (a JSON object: strings, numbers, booleans, lists
 * and nested objects), with typed getters that fail with an {@link InvalidSettingsException}
 * naming the setting.
 */
public final class RawSettings {
  private final Map<String, Object> values;

  public RawSettings(Map<String, ?> values) {
    this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static RawSettings of(Map<String, ?> values) {
    return new RawSettings(values);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.get(key) != null;
  }

  public String string(String key) {
    return optionalString(key)
        .orElseThrow(() -> new InvalidSettingsException(key, "is required"));
  }

  public Optional<String> optionalString(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return Optional.of(v.toString());
    }
    throw new InvalidSettingsException(key, "must be a string");
  }

  public String string(String key, String defaultValue) {
    return optionalString(key).orElse(defaultValue);
  }

  public Optional<Secret> secret(String key) {
    return optionalString(key).map(Secret::new);
  }

  public int integer(String key, int defaultValue) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (v instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new InvalidSettingsException(key, "must be a whole number, not '" + s + "'");
      }
    }
    throw new InvalidSettingsException(key, "must be a whole number");
  }

  public boolean bool(String key, boolean defaultValue) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new InvalidSettingsException(key, "must be true or false");
  }

  /** A nested object of string values (an attribute mapping); empty when absent. */
  public Map<String, String> stringMap(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new InvalidSettingsException(key, "must be an object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach(
        (k, val) -> {
          if (!(val instanceof String s)) {
            throw new InvalidSettingsException(key + "." + k, "must be a string");
          }
          out.put(String.valueOf(k), s);
        });
    return out;
  }

  /** A list of strings; empty when absent. A single string is a one-element list. */
  public List<String> stringList(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s);
    }
    if (!(v instanceof List<?> l)) {
      throw new InvalidSettingsException(key, "must be a list of strings");
    }
    for (int i = 0; i < l.size(); i++) {
      if (!(l.get(i) instanceof String)) {
        throw new InvalidSettingsException(key + "[" + i + "]", "must be a string");
      }
    }
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) l;
    return List.copyOf(strings);
  }
}
