package org.roster.connector.okta;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.impl.client.DefaultClientBuilder;
import com.okta.sdk.impl.config.ClientConfiguration;
import com.okta.sdk.resource.client.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.InvalidSettingsException;

/**
 * Builds the SDK's {@link ApiClient} from a profile's settings alone. The SDK's builder reads
 * {@code okta.properties}/{@code okta.yaml} on the classpath, {@code ~/.okta/okta.yaml}, {@code
 * OKTA_*} environment variables and {@code okta.*} system properties when it is made (see {@code
 * DefaultClientBuilder}'s constructor); everything it may have taken from there is set again here:
 * org URL, credentials, authorization mode, client id, scopes, key, key id, a ready access token,
 * proxy, cache (always off: {@code Caches.newDisabledCacheManager()}), timeouts and retries. The
 * only thing still read from the environment is the SDK's {@code okta.testing.disableHttpsCheck},
 * which cannot matter: {@link OktaSettings} refuses {@code http://} unless the JVM sets it.
 */
final class OktaClients {
  private OktaClients() {}

  /**
   * A client for the settings. With a service app this fetches the access token (I/O).
   *
   * @param serverDate notes the {@code Date} of Okta's answers
   * @throws ConnectorException when the SDK refuses its environment's configuration or the settings
   * @throws InvalidSettingsException when {@code privateKeyFile} cannot be read or is no key
   */
  static ApiClient build(OktaSettings settings, ServerDate serverDate) {
    Builder builder;
    try {
      builder = new Builder(settings, serverDate);
    } catch (RuntimeException e) {
      throw new ConnectorException(
          "client: the Okta SDK could not start because its own configuration in this"
              + " environment is invalid (~/.okta/okta.yaml, okta.yaml or okta.properties on the"
              + " classpath, OKTA_* variables, okta.* system properties): "
              + e.getMessage());
    }
    try {
      return configured(builder, settings).build();
    } catch (IllegalArgumentException e) {
      // the SDK's own checks, which OktaSettings mirrors: not expected
      throw new ConnectorException("client: the Okta SDK refused the settings: " + e.getMessage());
    }
  }

  private static Builder configured(Builder builder, OktaSettings settings) {
    forgetEnvironment(builder.getClientConfiguration());
    builder.setCacheManager(Caches.newDisabledCacheManager());
    // the SDK's own timeout and retry limits, overwritten like the rest; the Builder and
    // RateLimitRetry apply the profile's
    builder.setConnectionTimeout((int) settings.readTimeout().toSeconds());
    builder.setRetryMaxAttempts(settings.maxRetries());
    builder.setRetryMaxElapsed((int) settings.maxRetryWait().toSeconds());
    builder.setOrgUrl(settings.orgUrl().toString());
    if (settings.credentials() instanceof OktaCredentials.ServiceApp app) {
      builder.setAuthorizationMode(AuthorizationMode.PRIVATE_KEY);
      builder.setClientId(app.clientId());
      builder.setScopes(Set.copyOf(app.scopes()));
      builder.setPrivateKey(pem(app));
      app.keyId().ifPresent(builder::setKid);
    } else if (settings.credentials() instanceof OktaCredentials.ApiToken token) {
      builder.setAuthorizationMode(AuthorizationMode.SSWS);
      builder.setClientCredentials(new TokenClientCredentials(token.token().value()));
    }
    return builder;
  }

  /** Clears what the SDK's builder may have read from files, variables and system properties. */
  private static void forgetEnvironment(ClientConfiguration config) {
    config.setApiToken(null);
    config.setClientCredentialsResolver(null);
    config.setBaseUrlResolver(null);
    config.setRequestAuthenticator(null);
    config.setAuthorizationMode(null);
    config.setAuthenticationScheme(null);
    config.setClientId(null);
    config.setScopes(null);
    config.setPrivateKey(null);
    config.setOAuth2AccessToken(null);
    config.setKid(null);
    config.setJwtSigner(null, null);
    config.setProxyHost(null);
    config.setProxyPort(0);
    config.setProxyUsername(null);
    config.setProxyPassword(null);
    config.setProxy(null);
    config.setCacheManagerEnabled(false);
    config.getCacheManagerCaches().clear();
    config.getRequestExecutorParams().clear();
  }

  private static String pem(OktaCredentials.ServiceApp app) {
    if (app.privateKey().isPresent()) {
      return app.privateKey().get().value();
    }
    String text;
    try {
      text = Files.readString(app.privateKeyFile().orElseThrow(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSettingsException(
          OktaSettings.PRIVATE_KEY_FILE, "cannot be read: " + e.getClass().getSimpleName());
    }
    PemKeys.check(OktaSettings.PRIVATE_KEY_FILE, text);
    return text;
  }

  /**
   * The SDK's builder with the profile's retry strategy, separate connect and read timeouts (the
   * SDK uses one timeout for both) and an interceptor noting Okta's clock.
   */
  private static final class Builder extends DefaultClientBuilder {
    private final OktaSettings settings;
    private final ServerDate serverDate;

    Builder(OktaSettings settings, ServerDate serverDate) {
      this.settings = settings;
      this.serverDate = serverDate;
    }

    @Override
    protected HttpClientBuilder createHttpClientBuilder(ClientConfiguration config) {
      return super.createHttpClientBuilder(config)
          .setRetryStrategy(new RateLimitRetry(settings.maxRetries(), settings.maxRetryWait()))
          .addResponseInterceptorLast(serverDate);
    }

    @Override
    protected RequestConfig.Builder createHttpRequestConfigBuilder(ClientConfiguration config) {
      return RequestConfig.custom()
          .setResponseTimeout(Timeout.of(settings.readTimeout()))
          .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()));
    }

    @Override
    protected PoolingHttpClientConnectionManagerBuilder createHttpClientConnectionManagerBuilder(
        ClientConfiguration config) {
      return PoolingHttpClientConnectionManagerBuilder.create()
          .setDefaultConnectionConfig(
              ConnectionConfig.custom()
                  .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                  .setSocketTimeout(Timeout.of(settings.readTimeout()))
                  .build());
    }
  }
}
