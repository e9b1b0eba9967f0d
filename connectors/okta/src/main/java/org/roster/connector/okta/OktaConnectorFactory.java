package org.roster.connector.okta;

import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;

/**
 * The Okta connector, type {@code "okta"} (see {@link OktaSettings} and the package documentation
 * for the settings). Stateless and thread-safe; the server makes one with the no-argument
 * constructor.
 */
public final class OktaConnectorFactory implements ConnectorFactory {

  /** The profile type this factory serves. */
  public static final String TYPE = "okta";

  @Override
  public String type() {
    return TYPE;
  }

  /** {@code apiToken} and {@code privateKey}. */
  @Override
  public Set<String> secretSettings() {
    return Set.of(OktaSettings.API_TOKEN, OktaSettings.PRIVATE_KEY);
  }

  @Override
  public OktaSettings validate(RawSettings raw) {
    return OktaSettings.from(raw);
  }

  /** A source that connects on first use. */
  @Override
  public DirectorySource open(ConnectorSettings settings, SourceContext context) {
    if (settings instanceof OktaSettings okta) {
      return new OktaSource(okta, context);
    }
    throw new InvalidSettingsException(
        "type", "the okta connector was given settings of another connector");
  }
}
