package org.roster.connector.api;

/**
 * The source's data is unusable as a whole (a CSV file without a required column, an unreadable
 * encoding, an empty file): nothing of it is applied.
 */
public class SourceDataException extends ConnectorException {
  public SourceDataException(String message) {
    super(message);
  }

  public SourceDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
