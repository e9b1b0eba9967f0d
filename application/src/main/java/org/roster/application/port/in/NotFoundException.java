package org.roster.application.port.in;

/** The object a request names does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }
}
