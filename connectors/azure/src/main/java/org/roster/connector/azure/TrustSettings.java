package org.roster.connector.azure;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.Secret;

/**
 * Which certificate authorities the token endpoint and Graph are trusted by. Host names are always
 * verified.
 *
 * @param file CA certificates to trust instead of the JVM's trust store: a PEM file, or a PKCS12
 *     store ({@code .p12}, {@code .pfx}); empty for the JVM's store (setting {@code trustFile}).
 *     For sites behind a TLS-inspecting proxy, and for tests.
 * @param password the PKCS12 store's password (setting {@code trustStorePassword}, secret)
 */
public record TrustSettings(Optional<Path> file, Optional<Secret> password) {

  public TrustSettings {
    Objects.requireNonNull(file, "'file' must not be null");
    Objects.requireNonNull(password, "'password' must not be null");
  }

  static TrustSettings from(RawSettings raw) {
    Optional<Path> file =
        raw.optionalString(AzureSettings.TRUST_FILE)
            .map(v -> AppCredential.path(v, AzureSettings.TRUST_FILE));
    Optional<Secret> password = raw.secret(AzureSettings.TRUST_STORE_PASSWORD);
    if (password.isPresent() && file.isEmpty()) {
      throw new InvalidSettingsException(
          AzureSettings.TRUST_STORE_PASSWORD, "only applies with trustFile");
    }
    return new TrustSettings(file, password);
  }

  /** True when the file is a PKCS12 store rather than PEM. */
  boolean pkcs12() {
    return file.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
        .map(n -> n.endsWith(".p12") || n.endsWith(".pfx") || n.endsWith(".pkcs12"))
        .orElse(false);
  }
}
