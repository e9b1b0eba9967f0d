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
import java.util.UUID;

/**
 * Reads a request field that must be a JSON array of ids (UUID strings; no nulls, no numbers).
 * Exposed only under its own type (see {@link StrictBoolean}).
 */
@Singleton
@Bean(typed = StrictUuidList.class)
public class StrictUuidList implements Deserializer<List<UUID>> {
  @Override
  public List<UUID> deserialize(
      Decoder decoder, DecoderContext context, Argument<? super List<UUID>> type)
      throws IOException {
    JsonNode node = decoder.decodeNode();
    if (!node.isArray()) {
      throw decoder.createDeserializationException(
          "must be an array of ids (UUID strings), not " + JsonValues.describe(node), null);
    }
    List<UUID> values = new ArrayList<>(node.size());
    for (JsonNode item : node.values()) {
      UUID id = item.isString() ? StrictUuid.parse(item.getStringValue()) : null;
      if (id == null) {
        throw decoder.createDeserializationException(
            "must be an array of ids (UUID strings), but holds " + JsonValues.describe(item),
            null);
      }
      values.add(id);
    }
    return List.copyOf(values);
  }
}
