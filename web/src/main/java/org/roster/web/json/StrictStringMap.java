package org.roster.web.json;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a request field that must be a JSON object of strings (a user's attributes); a null value
 * is kept as absent. Exposed only under its own type (see {@link StrictBoolean}).
 */
@Singleton
@Bean(typed = StrictStringMap.class)
public class StrictStringMap implements Deserializer<Map<String, String>> {
  @Override
  public Map<String, String> deserialize(
      Decoder decoder, DecoderContext context, Argument<? super Map<String, String>> type)
      throws IOException {
    JsonNode node = decoder.decodeNode();
    if (!node.isObject()) {
      throw decoder.createDeserializationException(
          "must be an object of strings, not " + JsonValues.describe(node), null);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.entries()) {
      JsonNode value = e.getValue();
      if (value.isNull()) {
        continue;
      }
      if (!value.isString()) {
        throw decoder.createDeserializationException(
            "must be an object of strings, but '" + e.getKey() + "' is "
                + JsonValues.describe(value),
            null);
      }
      values.put(e.getKey(), value.getStringValue());
    }
    return values;
  }
}
