package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error Graph put in a response body: {@code {"error": {"code": "...", "message": "..."}}}.
 *
 * @param code Graph's error code ({@code Authorization_RequestDenied}), empty when there was none
 * @param message Graph's message, or the start of a body that was not Graph's error JSON
 */
record GraphError(String code, String message) {

  private static final int MAX_TEXT = 300;

  /** Reads the error of a body; never fails. */
  static GraphError of(byte[] body) {
    try {
      JsonNode error = GraphClient.JSON.readTree(body).path("error");
      if (error.isObject()) {
        return new GraphError(error.path("code").asText(""), error.path("message").asText(""));
      }
    } catch (IOException e) {
      // not JSON: a proxy's page or a truncated answer; its start is shown instead
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return new GraphError("", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
  }

  /**
   * {@code " Authorization_RequestDenied: Insufficient privileges ..."} without a closing period,
   * or empty.
   */
  String describe() {
    String text = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    if (code.isEmpty() && text.isEmpty()) {
      return "";
    }
    if (code.isEmpty()) {
      return " (" + text + ")";
    }
    return " " + code + (text.isEmpty() ? "" : ": " + text);
  }
}
