package org.roster.connector.api;

/**
 * One entry cannot be read. Connectors throw it inside their per-entry conversion and turn it
 * into a {@link RejectedEntry}; it never ends a run.
 */
public class MalformedEntryException extends ConnectorException {
  public MalformedEntryException(String message) {
    super(message);
  }
}
