package org.roster.connector.okta;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.sdk.resource.model.UserProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads an Okta user profile's properties by name, base and custom alike, as the SDK's own profile
 * serializer writes them (so a property is present exactly when Okta sent a non-empty value).
 */
final class ProfileReader {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ObjectMapper mapper;

  /** Uses the SDK client's mapper, which knows the profile's (de)serializers. */
  void use(ObjectMapper sdkMapper) {
    this.mapper = sdkMapper;
  }

  /** The profile's properties; text, numbers and booleans as text, arrays joined with ", ". */
  Map<String, String> read(UserProfile profile) {
    if (profile == null) {
      return Map.of();
    }
    Map<String, Object> raw = mapper.convertValue(profile, MAP);
    return raw.entrySet().stream()
        .filter(e -> text(e.getValue()) != null)
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> text(e.getValue())));
  }

  private static String text(Object value) {
    if (value instanceof String s) {
      return s.isBlank() ? null : s.strip();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return null;
  }
}
