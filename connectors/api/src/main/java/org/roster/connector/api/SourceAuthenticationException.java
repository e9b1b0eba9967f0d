package org.roster.connector.api;

/** The source refused the profile's credentials or lacks a permission. */
public class SourceAuthenticationException extends ConnectorException {
  public SourceAuthenticationException(String message) {
    super(message);
  }

  public SourceAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
