package org.roster.web.json;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.UUID;

/**
 * Reads a request field that must be a JSON string holding a UUID (an object's id). Exposed only
 * under its own type (see {@link StrictBoolean}).
 */
@Singleton
@Bean(typed = StrictUuid.class)
public class StrictUuid implements Deserializer<UUID> {
  @Override
  public UUID deserialize(Decoder decoder, DecoderContext context, Argument<? super UUID> type)
      throws IOException {
    JsonNode node = decoder.decodeNode();
    UUID id = node.isString() ? parse(node.getStringValue()) : null;
    if (id == null) {
      throw decoder.createDeserializationException(
          "must be an id (a UUID string), not " + JsonValues.describe(node), null);
    }
    return id;
  }

  /** The UUID a string spells in its canonical 36-character form, or null. */
  static UUID parse(String text) {
    if (text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
