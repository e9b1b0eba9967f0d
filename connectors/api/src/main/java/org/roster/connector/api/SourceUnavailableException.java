package org.roster.connector.api;

/** The source could not be reached or stopped answering. Retryable. */
public class SourceUnavailableException extends ConnectorException {
  public SourceUnavailableException(String message) {
    super(message);
  }

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
