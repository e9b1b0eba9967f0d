package org.roster.web.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.config.annotation.SerdeConfig;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains why a request body did not bind, in the client's terms: the JSON path at fault ({@code
 * policy.threshold.percent}) from the path serde records, and what was wrong, without Java class
 * names or parser internals.
 */
final class JsonErrors {
  private static final Pattern LOCATION =
      Pattern.compile("\\s*at \\[Source: .*?; line: (\\d+), column: (\\d+)]", Pattern.DOTALL);
  private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("^Unknown property \\[(.+?)].*");
  private static final Pattern UNEXPECTED_TOKEN =
      Pattern.compile("^Unexpected token (\\w+), expected (\\w+).*", Pattern.DOTALL);
  private static final Map<String, String> TOKENS =
      Map.of(
          "START_OBJECT", "an object",
          "START_ARRAY", "an array",
          "VALUE_STRING", "a string",
          "VALUE_NUMBER_INT", "a number",
          "VALUE_NUMBER_FLOAT", "a number",
          "VALUE_TRUE", "a boolean",
          "VALUE_FALSE", "a boolean",
          "VALUE_NULL", "null");

  private JsonErrors() {}

  /**
   * @param error the body's decoding failure, or one that wraps it
   */
  static Explanation explain(Throwable error) {
    SerdeException located = null;
    Throwable innermost = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (located == null && t instanceof SerdeException serde && !serde.getPath().isEmpty()) {
        located = serde;
      }
      innermost = t;
    }
    String what = plain(innermost.getMessage());
    if (located == null) {
      return new Explanation("The request body is not valid: " + what, null);
    }
    String field = path(located.getPath());
    boolean sentence = what.startsWith("must ") || what.startsWith("is ");
    return new Explanation("'" + field + "'" + (sentence ? " " : ": ") + what, field);
  }

  /** A parser message without the parser's location noise; known messages in plain words. */
  static String plain(String message) {
    if (message == null || message.isBlank()) {
      return "it could not be read";
    }
    Matcher location = LOCATION.matcher(message);
    String text =
        location.find() ? location.replaceFirst(" (line $1, column $2)").strip() : message.strip();
    if (UNKNOWN_PROPERTY.matcher(text).matches()) {
      return "is not a known property";
    }
    Matcher token = UNEXPECTED_TOKEN.matcher(text);
    if (token.matches()) {
      return "must be "
          + TOKENS.getOrDefault(token.group(2), token.group(2))
          + ", not "
          + TOKENS.getOrDefault(token.group(1), token.group(1));
    }
    return text;
  }

  /** The property's name in JSON: its {@code @JsonProperty} name when it has one. */
  private static String jsonName(PropertyReferencePath property) {
    var metadata = property.property().getAnnotationMetadata();
    return metadata
        .stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
        .or(() -> metadata.stringValue(JsonProperty.class))
        .orElse(property.property().getName());
  }

  /** Serde lists the steps innermost first. */
  private static String path(List<ReferencePath> steps) {
    StringBuilder out = new StringBuilder();
    for (int i = steps.size() - 1; i >= 0; i--) {
      ReferencePath step = steps.get(i);
      if (step instanceof CollectionItemReferencePath item) {
        out.append('[').append(item.index()).append(']');
      } else if (step instanceof MapItemReferencePath entry) {
        out.append(out.length() == 0 ? "" : ".").append(entry.key());
      } else if (step instanceof PropertyReferencePath property) {
        out.append(out.length() == 0 ? "" : ".").append(jsonName(property));
      }
    }
    return out.toString();
  }
}
