package org.roster.web.json;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads a request field that must be a JSON boolean. Serde's own reading coerces ("maybe" reads as
 * false, 1 as true); a request must not change a setting by a typo. Exposed only under its own
 * type, so it applies only where a field names it with
 * {@code @Serdeable.Deserializable(using=...)}.
 */
@Singleton
@Bean(typed = StrictBoolean.class)
public class StrictBoolean implements Deserializer<Boolean> {
  @Override
  public Boolean deserialize(
      Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
    JsonNode node = decoder.decodeNode();
    if (!node.isBoolean()) {
      throw decoder.createDeserializationException(
          "must be true or false, not " + JsonValues.describe(node), null);
    }
    return node.getBooleanValue();
  }

  /**
   * A query parameter that must be {@code true} or {@code false} (any case); Micronaut's own
   * conversion reads "maybe" as false.
   *
   * @param value the parameter as sent; null or blank gives {@code absent}
   * @throws org.roster.application.port.in.InvalidRequestException naming {@code field} otherwise
   */
  public static boolean query(String value, String field, boolean absent) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    if (value.strip().equalsIgnoreCase("true")) {
      return true;
    }
    if (value.strip().equalsIgnoreCase("false")) {
      return false;
    }
    throw new org.roster.application.port.in.InvalidRequestException(
        field, "'" + field + "' must be true or false, not '" + value + "'");
  }
}
