package org.roster.web.json;

import io.micronaut.json.tree.JsonNode;

/** Names a JSON value's kind for error messages. */
final class JsonValues {
  private JsonValues() {}

  static String describe(JsonNode node) {
    if (node.isString()) {
      return "the string \"" + node.getStringValue() + "\"";
    }
    if (node.isNumber()) {
      return "the number " + node.getNumberValue();
    }
    if (node.isBoolean()) {
      return node.getBooleanValue() ? "true" : "false";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return "null";
  }
}
