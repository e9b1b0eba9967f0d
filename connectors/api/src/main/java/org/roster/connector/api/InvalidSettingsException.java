package org.roster.connector.api;

/** A profile's settings are invalid; names the offending setting. Found without I/O. */
public class InvalidSettingsException extends ConnectorException {
  private final String field;

  public InvalidSettingsException(String field, String message) {
    super("'" + field + "': " + message);
    this.field = field;
  }

  /** The setting at fault, as the admin wrote it (for nested ones, dotted: "mapping.Mail"). */
  public String field() {
    return field;
  }
}
