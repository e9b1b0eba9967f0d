package org.roster.application.port.in;

/** A command is invalid (HTTP 400); names the offending field as the client wrote it. */
public class InvalidRequestException extends RuntimeException {
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
