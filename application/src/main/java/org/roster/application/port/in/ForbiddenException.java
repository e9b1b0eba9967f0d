package org.roster.application.port.in;

/** The caller may not do this, whatever the request says (HTTP 403). */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
