package org.roster.connector.api;

/** A directory source failed as a whole. Native exceptions are translated into this family. */
public class ConnectorException extends RuntimeException {

  public ConnectorException(String message) {
    super(message);
  }

  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when trying again later may succeed (network, throttling). */
  public boolean retryable() {
    return false;
  }
}
