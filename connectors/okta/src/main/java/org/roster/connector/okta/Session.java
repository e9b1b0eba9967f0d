package org.roster.connector.okta;

import com.okta.commons.http.HttpException;
import com.okta.sdk.impl.oauth2.OAuth2TokenRetrieverException;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserResourcesApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.roster.connector.api.SourceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's connection to an org: the SDK client (built on first use), the group catalog once read,
 * and the run's watermark. Every SDK call goes through {@link #call}, which translates failures.
 * Not thread-safe.
 */
final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final OktaSettings settings;
  private final SourceContext context;
  private final OktaFailures.Auth auth;
  private final ProfileReader profiles = new ProfileReader();
  private final ServerDate serverDate = new ServerDate();
  private ApiClient client;
  private UserApi users;
  private GroupApi groups;
  private UserResourcesApi userResources;
  private GroupCatalog catalog;
  private Instant started;
  private boolean closed;

  Session(OktaSettings settings, SourceContext context) {
    this.settings = settings;
    this.context = context;
    this.auth =
        settings.credentials() instanceof OktaCredentials.ServiceApp
            ? OktaFailures.Auth.SERVICE_APP
            : OktaFailures.Auth.API_TOKEN;
  }

  OktaSettings settings() {
    return settings;
  }

  SourceContext context() {
    return context;
  }

  ProfileReader profiles() {
    return profiles;
  }

  /** Builds the client if needed: with a service app this fetches the access token. */
  void connect() {
    if (closed) {
      throw new IllegalStateException("the source is closed");
    }
    if (client == null) {
      markStart();
      try {
        client = OktaClients.build(settings, serverDate);
      } catch (HttpException | OAuth2TokenRetrieverException | ApiException e) {
        throw OktaFailures.translate("token", "POST /oauth2/v1/token", e, auth);
      }
      users = new UserApi(client);
      groups = new GroupApi(client);
      userResources = new UserResourcesApi(client);
      profiles.use(client.getObjectMapper());
    }
  }

  UserApi users() {
    connect();
    return users;
  }

  GroupApi groups() {
    connect();
    return groups;
  }

  UserResourcesApi userResources() {
    connect();
    return userResources;
  }

  /**
   * Makes one SDK call and translates its failures.
   *
   * @param step what is being done, the start of any error message ("read users")
   * @param endpoint the method and path, for error messages ("GET /api/v1/users")
   */
  <T> T call(String step, String endpoint, Supplier<T> call) {
    return call(step, endpoint, call, false).orElse(null);
  }

  /** As {@link #call}, but empty when Okta answers 404 (the resource does not exist). */
  <T> Optional<T> find(String step, String endpoint, Supplier<T> call) {
    return call(step, endpoint, call, true);
  }

  private <T> Optional<T> call(
      String step, String endpoint, Supplier<T> call, boolean notFoundIsEmpty) {
    connect();
    T result;
    try {
      result = call.get();
    } catch (ApiException e) {
      if (notFoundIsEmpty && e.getCode() == 404) {
        return Optional.empty();
      }
      throw OktaFailures.translate(step, endpoint, e, auth);
    } catch (HttpException | OAuth2TokenRetrieverException e) {
      throw OktaFailures.translate(step, endpoint, e, auth);
    }
    return Optional.ofNullable(result);
  }

  /** The run's group catalog, read once. */
  GroupCatalog catalog() {
    if (catalog == null) {
      catalog = GroupCatalog.read(this);
    }
    return catalog;
  }

  /**
   * Where the next incremental read starts: when this source first called Okta, by the context's
   * clock, but never later than Okta's own clock (the first answer's {@code Date}, which has second
   * resolution) allows, so that a local clock ahead of Okta's does not skip changes.
   */
  Instant watermark() {
    markStart();
    return serverDate
        .first()
        .map(date -> date.plusSeconds(1))
        .filter(latest -> latest.isBefore(started))
        .orElse(started);
  }

  private void markStart() {
    if (started == null) {
      started = context.clock().instant();
    }
  }

  /** Closes the HTTP client; safe to call twice, never throws. */
  @Override
  public void close() {
    closed = true;
    if (client != null) {
      try {
        client.getHttpClient().close();
      } catch (IOException e) {
        LOG.debug("Profile {}: closing the Okta client failed", context.profileId(), e);
      }
      client = null;
    }
  }
}
