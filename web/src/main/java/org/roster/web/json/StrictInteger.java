package org.roster.web.json;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a request field that must be a whole JSON number in the int range. Serde's own reading
 * truncates 1.5 to 1 and parses "15". Exposed only under its own type (see {@link StrictBoolean}).
 */
@Singleton
@Bean(typed = StrictInteger.class)
public class StrictInteger implements Deserializer<Integer> {
  private static final BigDecimal MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

  @Override
  public Integer deserialize(
      Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
    JsonNode node = decoder.decodeNode();
    if (node.isNumber()) {
      BigDecimal value = new BigDecimal(node.getNumberValue().toString());
      if (value.stripTrailingZeros().scale() <= 0
          && value.compareTo(MIN) >= 0
          && value.compareTo(MAX) <= 0) {
        return value.intValue();
      }
    }
    throw decoder.createDeserializationException(
        "must be a whole number, not " + JsonValues.describe(node), null);
  }
}
