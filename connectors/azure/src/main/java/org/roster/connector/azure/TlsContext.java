package org.roster.connector.azure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.SourceDataException;

/**
 * The TLS context both the token endpoint and Graph are reached with: the JVM's trust store, or the
 * CA certificates of {@code trustFile}. Host names are verified by the HTTP clients either way.
 */
final class TlsContext {
  private TlsContext() {}

  /**
   * Reads the trust file, if any.
   *
   * @throws SourceDataException when it cannot be read or holds no certificate
   */
  static SSLContext create(TrustSettings trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      if (trust.file().isEmpty()) {
        context.init(null, null, null);
        return context;
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(load(trust));
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConnectorException("tls: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(TrustSettings trust) throws GeneralSecurityException {
    Path file = trust.file().orElseThrow();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      if (trust.pkcs12()) {
        store.load(in, trust.password().map(p -> p.value().toCharArray()).orElse(null));
        return store;
      }
      store.load(null, null);
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw new SourceDataException("tls: trust file " + file + " holds no PEM certificate");
      }
      return store;
    } catch (IOException e) {
      throw new SourceDataException(
          "tls: trust file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
