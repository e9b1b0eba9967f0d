package org.roster.connector.api;

import java.util.Set;

/**
 * Makes sources of one type ("csv", "ldap", "azure", "okta"). One instance per type is gathered
 * by the server; adding a connector is adding a module that provides one.
 */
public interface ConnectorFactory {

  /** The profile type this factory serves, lower case: "csv", "ldap". */
  String type();

  /** Keys of settings that are secrets: write-only through the API, encrypted at rest. */
  Set<String> secretSettings();

  /**
   * Parses and validates settings without I/O.
   *
   * @throws InvalidSettingsException naming the first invalid setting
   */
  ConnectorSettings validate(RawSettings raw);

  /**
   * Opens a source with settings this factory validated. Does not need to connect yet.
   *
   * @throws InvalidSettingsException when given settings of another connector
   */
  DirectorySource open(ConnectorSettings settings, SourceContext context);
}
