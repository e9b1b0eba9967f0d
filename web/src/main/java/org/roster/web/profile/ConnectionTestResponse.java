package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.application.port.in.ConnectionTestResult;

/**
 * The outcome of a profile's connection test.
 *
 * @param ok true when every step passed
 * @param message what passed, or what failed and why
 * @param millis how long the test took
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectionTestResponse(boolean ok, String message, long millis) {
  public static ConnectionTestResponse from(ConnectionTestResult result) {
    return new ConnectionTestResponse(result.ok(), result.message(), result.millis());
  }
}
