package org.roster.connector.azure;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.UnrecoverableKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;

/**
 * The app-only access token for Graph, from msal4j's client credentials flow (a client secret or a
 * certificate's signed assertion). A token is kept for the life of the source and fetched again
 * shortly before it expires or when Graph refuses it. msal4j's own cache is skipped: the decision
 * is made here, with the source's clock.
 */
final class AccessTokens {

  /** How long before its expiry a token is replaced. */
  private static final Duration MARGIN = Duration.ofMinutes(2);

  private final AzureSettings settings;
  private final SSLContext ssl;
  private final Clock clock;
  private ConfidentialClientApplication app;
  private String token;
  private Instant expiresAt = Instant.MIN;

  AccessTokens(AzureSettings settings, SSLContext ssl, Clock clock) {
    this.settings = settings;
    this.ssl = ssl;
    this.clock = clock;
  }

  /** The current token, fetched when there is none or it is about to expire. */
  String current() {
    if (token == null || !clock.instant().isBefore(expiresAt.minus(MARGIN))) {
      fetch();
    }
    return token;
  }

  /** A new token, after Graph refused the current one. */
  String renew() {
    fetch();
    return token;
  }

  private void fetch() {
    ClientCredentialParameters parameters =
        ClientCredentialParameters.builder(Set.of(settings.endpoints().scope()))
            .skipCache(true)
            .build();
    long timeout = settings.connectTimeout().plus(settings.responseTimeout()).toSeconds() * 2;
    try {
      IAuthenticationResult result = app().acquireToken(parameters).get(timeout, TimeUnit.SECONDS);
      token = result.accessToken();
      expiresAt = result.expiresOnDate().toInstant();
    } catch (ExecutionException e) {
      throw AzureFailures.token(authority(), e.getCause() == null ? e : e.getCause());
    } catch (MsalException e) {
      throw AzureFailures.token(authority(), e);
    } catch (TimeoutException e) {
      throw new SourceUnavailableException(
          "token: no answer from the token endpoint " + authority() + " in " + timeout + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException("token: interrupted while waiting for a token", e);
    }
  }

  private String authority() {
    return settings.endpoints().tenantAuthority(settings.tenantId());
  }

  private ConfidentialClientApplication app() {
    if (app == null) {
      try {
        app =
            ConfidentialClientApplication.builder(settings.clientId(), credential())
                .authority(authority())
                // the authority is the configured cloud's; never ask Microsoft's discovery
                // endpoint about it (it cannot know a private or test host)
                .instanceDiscovery(false)
                .sslSocketFactory(ssl.getSocketFactory())
                .connectTimeoutForDefaultHttpClient(millis(settings.connectTimeout()))
                .readTimeoutForDefaultHttpClient(millis(settings.responseTimeout()))
                .build();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new ConnectorException(
            "token: msal4j refused the authority " + authority() + ": " + e.getMessage(), e);
      }
    }
    return app;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  private IClientCredential credential() {
    if (settings.credential() instanceof AppCredential.ClientSecret secret) {
      return ClientCredentialFactory.createFromSecret(secret.secret().value());
    }
    AppCredential.Certificate certificate = (AppCredential.Certificate) settings.credential();
    try (InputStream in = Files.newInputStream(certificate.file())) {
      return ClientCredentialFactory.createFromCertificate(in, certificate.password().value());
    } catch (NoSuchFileException e) {
      throw new SourceDataException(
          "token: certificateFile " + certificate.file() + " does not exist", e);
    } catch (IOException | GeneralSecurityException | MsalException e) {
      if (e.getCause() instanceof UnrecoverableKeyException
          || e instanceof UnrecoverableKeyException) {
        throw new SourceAuthenticationException(
            "token: certificateFile "
                + certificate.file()
                + " cannot be opened with certificatePassword (wrong password?)",
            e);
      }
      throw new SourceAuthenticationException(
          "token: certificateFile "
              + certificate.file()
              + " holds no usable certificate and private key: "
              + e.getMessage(),
          e);
    }
  }
}
