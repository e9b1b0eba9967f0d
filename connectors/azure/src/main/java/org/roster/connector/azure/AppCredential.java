package org.roster.connector.azure;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.Secret;

/** How the app registration proves who it is to the token endpoint: a secret or a certificate. */
public sealed interface AppCredential {

  /**
   * A client secret (setting {@code clientSecret}).
   *
   * @param secret the secret's value (not its id)
   */
  record ClientSecret(Secret secret) implements AppCredential {
    public ClientSecret {
      Objects.requireNonNull(secret, "'secret' must not be null");
    }
  }

  /**
   * A certificate whose public key is uploaded to the app registration; the token request carries a
   * client assertion signed with its private key.
   *
   * @param file a PKCS12 file with the certificate and its private key ({@code certificateFile})
   * @param password the file's password ({@code certificatePassword})
   */
  record Certificate(Path file, Secret password) implements AppCredential {
    public Certificate {
      Objects.requireNonNull(file, "'file' must not be null");
      Objects.requireNonNull(password, "'password' must not be null");
    }
  }

  /** Exactly one of {@code clientSecret} and {@code certificateFile} (with its password). */
  static AppCredential from(RawSettings raw) {
    Optional<Secret> secret = raw.secret(AzureSettings.CLIENT_SECRET);
    Optional<String> file = raw.optionalString(AzureSettings.CERTIFICATE_FILE);
    Optional<Secret> password = raw.secret(AzureSettings.CERTIFICATE_PASSWORD);
    if (secret.isPresent() && file.isPresent()) {
      throw new InvalidSettingsException(
          AzureSettings.CLIENT_SECRET, "give either clientSecret or certificateFile, not both");
    }
    if (file.isEmpty()) {
      if (password.isPresent()) {
        throw new InvalidSettingsException(
            AzureSettings.CERTIFICATE_PASSWORD, "only applies with certificateFile");
      }
      return new ClientSecret(
          secret.orElseThrow(
              () ->
                  new InvalidSettingsException(
                      AzureSettings.CLIENT_SECRET,
                      "is required (or certificateFile and certificatePassword for a"
                          + " certificate)")));
    }
    Path path = path(file.get(), AzureSettings.CERTIFICATE_FILE);
    return new Certificate(
        path,
        password.orElseThrow(
            () ->
                new InvalidSettingsException(
                    AzureSettings.CERTIFICATE_PASSWORD,
                    "is required with certificateFile (the PKCS12 file's password)")));
  }

  /** A file path setting. */
  static Path path(String value, String key) {
    try {
      return Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw new InvalidSettingsException(key, "is not a valid path: " + value);
    }
  }
}
