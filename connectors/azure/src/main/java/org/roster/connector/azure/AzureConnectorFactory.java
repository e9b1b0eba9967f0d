package org.roster.connector.azure;

import java.util.Objects;
import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;

/**
 * The Entra ID (Azure AD) connector, type {@code "azure"}: users and groups read through Microsoft
 * Graph with an app-only token (see {@link AzureSettings} and the package documentation for the
 * settings). Stateless and thread-safe; the server makes one with the no-argument constructor.
 * Entra ID users cannot be verified by password, so its sources are no {@link
 * org.roster.connector.api.PasswordVerifier}.
 */
public final class AzureConnectorFactory implements ConnectorFactory {

  /** The profile type this factory serves. */
  public static final String TYPE = "azure";

  private final Sleeper sleeper;

  public AzureConnectorFactory() {
    this(Sleeper.REAL);
  }

  /** A factory whose sources wait between retries with {@code sleeper} (tests). */
  AzureConnectorFactory(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' must not be null");
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** {@code clientSecret}, {@code certificatePassword} and {@code trustStorePassword}. */
  @Override
  public Set<String> secretSettings() {
    return Set.of(
        AzureSettings.CLIENT_SECRET,
        AzureSettings.CERTIFICATE_PASSWORD,
        AzureSettings.TRUST_STORE_PASSWORD);
  }

  @Override
  public AzureSettings validate(RawSettings raw) {
    return AzureSettings.from(raw);
  }

  /** A source that asks for a token and reads Graph on first use. */
  @Override
  public DirectorySource open(ConnectorSettings settings, SourceContext context) {
    if (settings instanceof AzureSettings azure) {
      return new AzureSource(new Session(azure, context, sleeper));
    }
    throw new InvalidSettingsException(
        "type", "the azure connector was given settings of another connector");
  }
}
