package org.roster.connector.azure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * An Entra ID profile's validated settings; the keys are listed in {@link
 * org.roster.connector.azure the package documentation}. Secrets print as {@code ***}.
 *
 * @param tenantId the directory (tenant) id, or one of its verified domain names
 * @param clientId the app registration's application (client) id
 * @param credential the app's client secret or certificate
 * @param endpoints the authority and the Graph base URL
 * @param trust the certificate authorities both are trusted by
 * @param groups which groups are synchronized
 * @param usersFilter which users are read; empty for all
 * @param nestedGroups read groups' transitive members (users of nested groups, at any depth)
 *     instead of their direct members
 * @param mapping Graph properties to Roster fields
 * @param retries how throttled and failed requests are retried
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for each answer
 */
public record AzureSettings(
    String tenantId,
    String clientId,
    AppCredential credential,
    Endpoints endpoints,
    TrustSettings trust,
    GroupSelection groups,
    Optional<ODataFilter> usersFilter,
    boolean nestedGroups,
    GraphMapping mapping,
    RetryPolicy retries,
    Duration connectTimeout,
    Duration responseTimeout)
    implements ConnectorSettings {

  public static final String TENANT_ID = "tenantId";
  public static final String CLIENT_ID = "clientId";
  public static final String CLIENT_SECRET = "clientSecret";
  public static final String CERTIFICATE_FILE = "certificateFile";
  public static final String CERTIFICATE_PASSWORD = "certificatePassword";
  public static final String AUTHORITY = "authority";
  public static final String GRAPH_URL = "graphUrl";
  public static final String TRUST_FILE = "trustFile";
  public static final String TRUST_STORE_PASSWORD = "trustStorePassword";
  public static final String GROUPS = "groups";
  public static final String GROUPS_FILTER = "groupsFilter";
  public static final String USERS_FILTER = "usersFilter";
  public static final String NESTED_GROUPS = "nestedGroups";
  public static final String MAPPING = "mapping";
  public static final String MAX_RETRIES = "maxRetries";
  public static final String MAX_RETRY_WAIT_SECONDS = "maxRetryWaitSeconds";
  public static final String CONNECT_TIMEOUT_SECONDS = "connectTimeoutSeconds";
  public static final String RESPONSE_TIMEOUT_SECONDS = "responseTimeoutSeconds";

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

  public AzureSettings {
    Objects.requireNonNull(tenantId, "'tenantId' must not be null");
    Objects.requireNonNull(clientId, "'clientId' must not be null");
    Objects.requireNonNull(credential, "'credential' must not be null");
    Objects.requireNonNull(endpoints, "'endpoints' must not be null");
    Objects.requireNonNull(trust, "'trust' must not be null");
    Objects.requireNonNull(groups, "'groups' must not be null");
    Objects.requireNonNull(usersFilter, "'usersFilter' must not be null");
    Objects.requireNonNull(mapping, "'mapping' must not be null");
    Objects.requireNonNull(retries, "'retries' must not be null");
    Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
    Objects.requireNonNull(responseTimeout, "'responseTimeout' must not be null");
  }

  /**
   * Parses and validates the admin's settings without I/O.
   *
   * @throws InvalidSettingsException naming the first invalid setting
   */
  public static AzureSettings from(RawSettings raw) {
    String tenantId = tenantId(raw.string(TENANT_ID).strip());
    String clientId = raw.string(CLIENT_ID).strip();
    if (!GUID.matcher(clientId).matches()) {
      throw new InvalidSettingsException(
          CLIENT_ID, "must be the app registration's application (client) id, a GUID");
    }
    return new AzureSettings(
        tenantId,
        clientId,
        AppCredential.from(raw),
        Endpoints.from(raw),
        TrustSettings.from(raw),
        GroupSelection.from(raw),
        raw.optionalString(USERS_FILTER).map(f -> ODataFilter.translate(USERS_FILTER, f)),
        raw.bool(NESTED_GROUPS, false),
        GraphMapping.from(raw),
        new RetryPolicy(
            range(raw, MAX_RETRIES, 8, 0, 50),
            Duration.ofSeconds(range(raw, MAX_RETRY_WAIT_SECONDS, 60, 1, 3600))),
        Duration.ofSeconds(range(raw, CONNECT_TIMEOUT_SECONDS, 10, 1, 600)),
        Duration.ofSeconds(range(raw, RESPONSE_TIMEOUT_SECONDS, 60, 1, 3600)));
  }

  /** A GUID or a verified domain; not the multi-tenant aliases, which app-only tokens refuse. */
  private static String tenantId(String value) {
    if (value.equalsIgnoreCase("common")
        || value.equalsIgnoreCase("organizations")
        || value.equalsIgnoreCase("consumers")) {
      throw new InvalidSettingsException(
          TENANT_ID,
          "'" + value + "' is not a tenant; app-only tokens need the directory (tenant) id");
    }
    if (!GUID.matcher(value).matches() && !DOMAIN.matcher(value).matches()) {
      throw new InvalidSettingsException(
          TENANT_ID,
          "must be the directory (tenant) id, a GUID, or a verified domain such as"
              + " contoso.onmicrosoft.com");
    }
    return value;
  }

  private static int range(RawSettings raw, String key, int defaultValue, int min, int max) {
    int value = raw.integer(key, defaultValue);
    if (value < min || value > max) {
      throw new InvalidSettingsException(key, "must be between " + min + " and " + max);
    }
    return value;
  }
}
