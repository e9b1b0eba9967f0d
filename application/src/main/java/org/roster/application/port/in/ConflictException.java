package org.roster.application.port.in;

/** The request conflicts with the current state (HTTP 409): a run already pending, a duplicate name. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
