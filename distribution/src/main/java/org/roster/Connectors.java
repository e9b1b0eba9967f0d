package org.roster;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.roster.connector.azure.AzureConnectorFactory;
import org.roster.connector.csv.CsvConnectorFactory;
import org.roster.connector.ldap.LdapConnectorFactory;
import org.roster.connector.okta.OktaConnectorFactory;

/**
 * The connectors this server has: one method per connector module. The connector modules know
 * nothing of Micronaut; {@link RosterFactory} gathers them as {@code List<ConnectorFactory>}.
 */
@Factory
public class Connectors {

  @Singleton
  CsvConnectorFactory csv() {
    return new CsvConnectorFactory();
  }

  @Singleton
  LdapConnectorFactory ldap() {
    return new LdapConnectorFactory();
  }

  @Singleton
  AzureConnectorFactory azure() {
    return new AzureConnectorFactory();
  }

  @Singleton
  OktaConnectorFactory okta() {
    return new OktaConnectorFactory();
  }
}
