package org.roster.connector.okta;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * An Okta profile's validated settings; the keys are listed in {@link org.roster.connector.okta the
 * package documentation}. Secrets print as {@code ***}.
 *
 * @param orgUrl the org's base URL, {@code https://example.okta.com}, without a trailing slash
 * @param credentials an API token or a service app
 * @param groups which groups are read
 * @param usersFilter the translated {@code usersFilter}; empty reads every user but the
 *     deprovisioned
 * @param mapping profile properties to fields
 * @param lockedOutIsDisabled whether a LOCKED_OUT user reads as disabled
 * @param pageSize entries per page of a listing (Okta serves at most 200 users a page)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param maxRetries how often a rate-limited (429) or unavailable (503, 504) request is retried
 * @param maxRetryWait how long one request may wait in all for its retries
 * @param overlap how far before its watermark an incremental read looks again
 * @param fullReconcile how old a token's full run may be before an incremental read asks for a full
 *     one; zero for never
 */
public record OktaSettings(
    URI orgUrl,
    OktaCredentials credentials,
    GroupScope groups,
    Optional<OktaExpression> usersFilter,
    ProfileMapping mapping,
    boolean lockedOutIsDisabled,
    int pageSize,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration maxRetryWait,
    Duration overlap,
    Duration fullReconcile)
    implements ConnectorSettings {

  public static final String ORG_URL = "orgUrl";
  public static final String API_TOKEN = "apiToken";
  public static final String CLIENT_ID = "clientId";
  public static final String PRIVATE_KEY = "privateKey";
  public static final String PRIVATE_KEY_FILE = "privateKeyFile";
  public static final String KEY_ID = "keyId";
  public static final String SCOPES = "scopes";
  public static final String GROUPS = "groups";
  public static final String GROUPS_FILTER = "groupsFilter";
  public static final String USERS_FILTER = "usersFilter";
  public static final String MAPPING = "mapping";
  public static final String LOCKED_OUT_IS_DISABLED = "lockedOutIsDisabled";
  public static final String PAGE_SIZE = "pageSize";
  public static final String CONNECT_TIMEOUT_SECONDS = "connectTimeoutSeconds";
  public static final String READ_TIMEOUT_SECONDS = "readTimeoutSeconds";
  public static final String MAX_RETRIES = "maxRetries";
  public static final String MAX_RETRY_WAIT_SECONDS = "maxRetryWaitSeconds";
  public static final String OVERLAP_SECONDS = "overlapSeconds";
  public static final String FULL_RECONCILE_HOURS = "fullReconcileHours";

  /**
   * The Okta SDK's own switch for plain-HTTP test servers. Read here only: a JVM that sets it (a
   * test JVM) may use {@code http://} org URLs; production code never sets it.
   */
  static final String DISABLE_HTTPS_CHECK = "okta.testing.disableHttpsCheck";

  public OktaSettings {
    Objects.requireNonNull(orgUrl, "'orgUrl' must not be null");
    Objects.requireNonNull(credentials, "'credentials' must not be null");
    Objects.requireNonNull(groups, "'groups' must not be null");
    Objects.requireNonNull(usersFilter, "'usersFilter' must not be null");
    Objects.requireNonNull(mapping, "'mapping' must not be null");
    Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
    Objects.requireNonNull(readTimeout, "'readTimeout' must not be null");
    Objects.requireNonNull(maxRetryWait, "'maxRetryWait' must not be null");
    Objects.requireNonNull(overlap, "'overlap' must not be null");
    Objects.requireNonNull(fullReconcile, "'fullReconcile' must not be null");
    if (pageSize < 1 || maxRetries < 0) {
      throw new IllegalArgumentException("'pageSize' must be positive, 'maxRetries' not negative");
    }
  }

  /**
   * Parses and validates the admin's settings without I/O.
   *
   * @throws InvalidSettingsException naming the first invalid setting
   */
  public static OktaSettings from(RawSettings raw) {
    URI orgUrl = orgUrl(raw.string(ORG_URL));
    OktaCredentials credentials = OktaCredentials.from(raw);
    GroupScope groups = GroupScope.from(raw);
    Optional<OktaExpression> usersFilter =
        raw.optionalString(USERS_FILTER)
            .map(f -> OktaExpression.translate(USERS_FILTER, f, OktaExpression.Target.USER));
    return new OktaSettings(
        orgUrl,
        credentials,
        groups,
        usersFilter,
        ProfileMapping.from(raw),
        raw.bool(LOCKED_OUT_IS_DISABLED, true),
        range(raw, PAGE_SIZE, 200, 1, 200),
        Duration.ofSeconds(range(raw, CONNECT_TIMEOUT_SECONDS, 10, 1, 600)),
        Duration.ofSeconds(range(raw, READ_TIMEOUT_SECONDS, 60, 1, 3600)),
        range(raw, MAX_RETRIES, 8, 0, 100),
        Duration.ofSeconds(range(raw, MAX_RETRY_WAIT_SECONDS, 300, 1, 3600)),
        Duration.ofSeconds(range(raw, OVERLAP_SECONDS, 120, 0, 86_400)),
        Duration.ofHours(range(raw, FULL_RECONCILE_HOURS, 24, 0, 24 * 365)));
  }

  /** The base URL of an org: https, a host, no path, query or user info. */
  private static URI orgUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(ORG_URL, "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean plainHttpAllowed = Boolean.getBoolean(DISABLE_HTTPS_CHECK);
    if (!scheme.equals("https") && !(scheme.equals("http") && plainHttpAllowed)) {
      throw new InvalidSettingsException(
          ORG_URL, "must be an https:// URL such as https://example.okta.com");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new InvalidSettingsException(ORG_URL, "must name the org's host, without user info");
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new InvalidSettingsException(
          ORG_URL, "must be the org's base URL without a path, such as https://example.okta.com");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".com.com")) {
      throw new InvalidSettingsException(ORG_URL, "has a host ending in .com.com");
    }
    if (host.contains("-admin.")) {
      throw new InvalidSettingsException(
          ORG_URL, "is the admin console's URL; give the org URL (without -admin)");
    }
    return URI.create(scheme + "://" + uri.getRawAuthority());
  }

  private static int range(RawSettings raw, String key, int defaultValue, int min, int max) {
    int value = raw.integer(key, defaultValue);
    if (value < min || value > max) {
      throw new InvalidSettingsException(key, "must be between " + min + " and " + max);
    }
    return value;
  }
}
