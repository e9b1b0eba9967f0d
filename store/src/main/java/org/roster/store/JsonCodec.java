package org.roster.store;

import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** JSON text in VARCHAR columns, through Micronaut's {@link JsonMapper} (serde). */
@Singleton
final class JsonCodec {
  private static final Argument<Map<String, String>> STRING_MAP =
      Argument.mapOf(String.class, String.class);
  private static final Argument<Map<String, Object>> OBJECT_MAP =
      Argument.mapOf(String.class, Object.class);
  private static final Argument<Map<String, Integer>> INT_MAP =
      Argument.mapOf(String.class, Integer.class);

  private final JsonMapper mapper;

  JsonCodec(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** A JSON object with its keys sorted, so that equal maps give equal text. */
  String write(Map<String, ?> map) {
    try {
      return mapper.writeValueAsString(new TreeMap<>(map));
    } catch (IOException e) {
      throw new DataAccessException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** As {@link #write}, for the flat maps of users and audit events: same text, no mapper. */
  String writeStrings(Map<String, String> map) {
    return StringMapJson.write(map);
  }

  Map<String, String> stringMap(String json) {
    return read(json, STRING_MAP);
  }

  /** Strings, numbers, booleans, lists and nested objects, as the JSON text holds them. */
  Map<String, Object> objectMap(String json) {
    return read(json, OBJECT_MAP);
  }

  Map<String, Integer> intMap(String json) {
    return read(json, INT_MAP);
  }

  private <T> T read(String json, Argument<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new DataAccessException("cannot read stored JSON: " + e.getMessage(), e);
    }
  }
}
