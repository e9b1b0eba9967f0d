package org.roster.connector.api;

/** An incremental read cannot continue from the given token; a full sync must run instead. */
public class FullSyncRequiredException extends ConnectorException {
  public FullSyncRequiredException(String message) {
    super(message);
  }
}
