package org.roster.connector.ldap;

import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;

/**
 * The LDAP connector, type {@code "ldap"}: Active Directory and OpenLDAP (see {@link LdapSettings}
 * and the package documentation for the settings). Stateless and thread-safe; the server makes one
 * with the no-argument constructor.
 */
public final class LdapConnectorFactory implements ConnectorFactory {

  /** The profile type this factory serves. */
  public static final String TYPE = "ldap";

  @Override
  public String type() {
    return TYPE;
  }

  /** {@code bindPassword} and {@code trustStorePassword}. */
  @Override
  public Set<String> secretSettings() {
    return Set.of(LdapSettings.BIND_PASSWORD, LdapSettings.TRUST_STORE_PASSWORD);
  }

  @Override
  public LdapSettings validate(RawSettings raw) {
    return LdapSettings.from(raw);
  }

  /** A source that connects on first use. */
  @Override
  public DirectorySource open(ConnectorSettings settings, SourceContext context) {
    if (settings instanceof LdapSettings ldap) {
      return new LdapSource(ldap, context);
    }
    throw new InvalidSettingsException(
        "type", "the ldap connector was given settings of another connector");
  }
}
