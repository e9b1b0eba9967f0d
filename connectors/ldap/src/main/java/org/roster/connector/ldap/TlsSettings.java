package org.roster.connector.ldap;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.Secret;

/**
 * How a profile secures its connection.
 *
 * @param startTls upgrade an {@code ldap://} connection with StartTLS (setting {@code startTls})
 * @param trustFile the CA certificates to trust: a PEM file, or a PKCS12 store ({@code .p12},
 *     {@code .pfx}); empty for the JVM's default trust store (setting {@code trustFile})
 * @param trustStorePassword the PKCS12 store's password (setting {@code trustStorePassword},
 *     secret)
 * @param trustAll trust any certificate and skip host name verification: insecure, for tests only
 *     (setting {@code trustAll})
 */
public record TlsSettings(
    boolean startTls,
    Optional<Path> trustFile,
    Optional<Secret> trustStorePassword,
    boolean trustAll) {

  static TlsSettings from(RawSettings raw, ServerList servers) {
    boolean startTls = raw.bool(LdapSettings.START_TLS, false);
    if (startTls && servers.ldaps()) {
      throw new InvalidSettingsException(
          LdapSettings.START_TLS, "cannot be combined with ldaps:// URLs (TLS is already on)");
    }
    Optional<Path> trustFile = raw.optionalString(LdapSettings.TRUST_FILE).map(TlsSettings::path);
    boolean trustAll = raw.bool(LdapSettings.TRUST_ALL, false);
    if (trustAll && trustFile.isPresent()) {
      throw new InvalidSettingsException(
          LdapSettings.TRUST_ALL, "cannot be combined with trustFile; remove one of them");
    }
    return new TlsSettings(
        startTls, trustFile, raw.secret(LdapSettings.TRUST_STORE_PASSWORD), trustAll);
  }

  /** True when the connection uses TLS at all. */
  boolean used(ServerList servers) {
    return servers.ldaps() || startTls;
  }

  /** True when the trust file is a PKCS12 store rather than PEM. */
  boolean pkcs12() {
    return trustFile
        .map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
        .map(n -> n.endsWith(".p12") || n.endsWith(".pfx") || n.endsWith(".pkcs12"))
        .orElse(false);
  }

  private static Path path(String value) {
    try {
      return Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw new InvalidSettingsException(LdapSettings.TRUST_FILE, "is not a valid path: " + value);
    }
  }
}
