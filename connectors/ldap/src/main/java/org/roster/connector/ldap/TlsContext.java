package org.roster.connector.ldap;

import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStoreException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.SourceDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of a source's connections: trust from a PEM or PKCS12 CA file (or the JVM's store)
 * with host name verification on; {@code trustAll} turns both off and says so once.
 */
final class TlsContext {
  private static final Logger LOG = LoggerFactory.getLogger(TlsContext.class);

  private final TlsSettings settings;
  private final String profileId;
  private SSLUtil ssl;

  TlsContext(TlsSettings settings, String profileId) {
    this.settings = settings;
    this.profileId = profileId;
  }

  /** The socket factory for {@code ldaps://}. */
  SSLSocketFactory socketFactory() {
    try {
      return ssl().createSSLSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new ConnectorException("tls: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The context for StartTLS. */
  SSLContext context() {
    try {
      return ssl().createSSLContext();
    } catch (GeneralSecurityException e) {
      throw new ConnectorException("tls: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Checks the server's name against its certificate, unless {@code trustAll}. */
  SSLSocketVerifier verifier() {
    return settings.trustAll()
        ? TrustAllSSLSocketVerifier.getInstance()
        : new HostNameSSLSocketVerifier(true);
  }

  private SSLUtil ssl() {
    if (ssl == null) {
      ssl = new SSLUtil(trustManager());
    }
    return ssl;
  }

  private TrustManager trustManager() {
    if (settings.trustAll()) {
      LOG.warn(
          "Profile {}: trustAll is on: any server certificate is accepted and host names are not"
              + " verified; use trustFile instead",
          profileId);
      return new TrustAllTrustManager(false);
    }
    if (settings.trustFile().isEmpty()) {
      return JVMDefaultTrustManager.getInstance();
    }
    Path file = settings.trustFile().get();
    if (!Files.isReadable(file)) {
      throw new SourceDataException("tls: trust file " + file + " cannot be read");
    }
    if (settings.pkcs12()) {
      char[] pin = settings.trustStorePassword().map(s -> s.value().toCharArray()).orElse(null);
      return new TrustStoreTrustManager(file.toFile(), pin, "PKCS12", true);
    }
    try {
      return new PEMFileTrustManager(file.toFile());
    } catch (KeyStoreException e) {
      throw new SourceDataException(
          "tls: trust file " + file + " holds no usable PEM certificate: " + e.getMessage(), e);
    }
  }
}
