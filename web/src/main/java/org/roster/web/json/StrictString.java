package org.roster.web.json;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads a request field that must be a JSON string. Serde's own reading turns 12 into "12" and [1]
 * into "1". Exposed only under its own type (see {@link StrictBoolean}).
 */
@Singleton
@Bean(typed = StrictString.class)
public class StrictString implements Deserializer<String> {
  @Override
  public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
      throws IOException {
    JsonNode node = decoder.decodeNode();
    if (!node.isString()) {
      throw decoder.createDeserializationException(
          "must be a string, not " + JsonValues.describe(node), null);
    }
    return node.getStringValue();
  }
}
