package org.roster.web.json;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request field that must be a JSON array of strings (no nulls, no numbers). Exposed only
 * under its own type (see {@link StrictBoolean}).
 */
@Singleton
@Bean(typed = StrictStringList.class)
public class StrictStringList implements Deserializer<List<String>> {
  @Override
  public List<String> deserialize(
      Decoder decoder, DecoderContext context, Argument<? super List<String>> type)
      throws IOException {
    JsonNode node = decoder.decodeNode();
    if (!node.isArray()) {
      throw decoder.createDeserializationException(
          "must be an array of strings, not " + JsonValues.describe(node), null);
    }
    List<String> values = new ArrayList<>(node.size());
    for (JsonNode item : node.values()) {
      if (!item.isString()) {
        throw decoder.createDeserializationException(
            "must be an array of strings, but holds " + JsonValues.describe(item), null);
      }
      values.add(item.getStringValue());
    }
    return List.copyOf(values);
  }
}
