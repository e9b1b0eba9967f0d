package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.Secret;

/**
 * An LDAP profile's validated settings; the setting keys are listed in {@link
 * org.roster.connector.ldap the package documentation}. Secrets print as {@code ***}.
 *
 * @param flavour Active Directory or OpenLDAP ({@code flavour}, required)
 * @param servers the servers, in failover order
 * @param bindDn who the profile binds as: a DN, or on AD {@code user@domain} or <code>
 *     DOMAIN&#92;user</code>; empty for an anonymous bind
 * @param bindPassword the bind password (secret)
 * @param tls TLS options
 * @param scope subtrees and filters
 * @param mapping attributes to fields
 * @param membership where group membership is read
 * @param nestedGroupsInChain AD only: users are in scope only as (nested) members of a profile
 *     group, tested by the server with LDAP_MATCHING_RULE_IN_CHAIN
 * @param disabledRule how a disabled account is recognised
 * @param pageSize entries per page of a paged search (AD serves at most 1000)
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for each answer
 * @param followReferrals follow referrals (off: they are ignored)
 * @param overlap how far back an OpenLDAP incremental read looks before its watermark
 * @param fullReconcile how old a token's full run may be before an incremental read asks for a full
 *     one; zero for never
 */
public record LdapSettings(
    Flavour flavour,
    ServerList servers,
    Optional<String> bindDn,
    Optional<Secret> bindPassword,
    TlsSettings tls,
    Scope scope,
    AttributeMapping mapping,
    MembershipAttribute membership,
    boolean nestedGroupsInChain,
    DisabledRule disabledRule,
    int pageSize,
    Duration connectTimeout,
    Duration responseTimeout,
    boolean followReferrals,
    Duration overlap,
    Duration fullReconcile)
    implements ConnectorSettings {

  public static final String FLAVOUR = "flavour";
  public static final String URL = "url";
  public static final String URLS = "urls";
  public static final String FAILOVER_URL = "failoverUrl";
  public static final String BIND_DN = "bindDn";
  public static final String BIND_PASSWORD = "bindPassword";
  public static final String START_TLS = "startTls";
  public static final String TRUST_FILE = "trustFile";
  public static final String TRUST_STORE_PASSWORD = "trustStorePassword";
  public static final String TRUST_ALL = "trustAll";
  public static final String BASE_DN = "baseDn";
  public static final String OUS = "ous";
  public static final String USER_BASE_DNS = "userBaseDns";
  public static final String GROUP_BASE_DNS = "groupBaseDns";
  public static final String USERS_FILTER = "usersFilter";
  public static final String GROUPS_FILTER = "groupsFilter";
  public static final String GROUP_MEMBERS_FILTER = "groupMembersFilter";
  public static final String INCLUDE_RULES = "includeRules";
  public static final String EXCLUDE_RULES = "excludeRules";
  public static final String MEMBERSHIP_ATTRIBUTE = "membershipAttribute";
  public static final String NESTED_GROUPS_IN_CHAIN = "nestedGroupsInChain";
  public static final String MAPPING = "mapping";
  public static final String DISABLED_RULE = "disabledRule";
  public static final String PAGE_SIZE = "pageSize";
  public static final String CONNECT_TIMEOUT_SECONDS = "connectTimeoutSeconds";
  public static final String RESPONSE_TIMEOUT_SECONDS = "responseTimeoutSeconds";
  public static final String FOLLOW_REFERRALS = "followReferrals";
  public static final String OVERLAP_SECONDS = "overlapSeconds";
  public static final String FULL_RECONCILE_HOURS = "fullReconcileHours";

  public LdapSettings {
    Objects.requireNonNull(flavour, "'flavour' must not be null");
    Objects.requireNonNull(servers, "'servers' must not be null");
    Objects.requireNonNull(bindDn, "'bindDn' must not be null");
    Objects.requireNonNull(bindPassword, "'bindPassword' must not be null");
    Objects.requireNonNull(tls, "'tls' must not be null");
    Objects.requireNonNull(scope, "'scope' must not be null");
    Objects.requireNonNull(mapping, "'mapping' must not be null");
    Objects.requireNonNull(membership, "'membership' must not be null");
    Objects.requireNonNull(disabledRule, "'disabledRule' must not be null");
    Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
    Objects.requireNonNull(responseTimeout, "'responseTimeout' must not be null");
    Objects.requireNonNull(overlap, "'overlap' must not be null");
    Objects.requireNonNull(fullReconcile, "'fullReconcile' must not be null");
    if (pageSize < 1) {
      throw new IllegalArgumentException("'pageSize' must be positive");
    }
  }

  /**
   * Parses and validates the admin's settings without I/O.
   *
   * @throws InvalidSettingsException naming the first invalid setting
   */
  public static LdapSettings from(RawSettings raw) {
    Flavour flavour = Flavour.parse(raw.string(FLAVOUR));
    ServerList servers = ServerList.from(raw);
    Optional<String> bindDn = raw.optionalString(BIND_DN).map(String::strip);
    bindDn.ifPresent(b -> checkBindName(b, flavour));
    Optional<Secret> password = raw.secret(BIND_PASSWORD);
    if (bindDn.isPresent() && password.isEmpty()) {
      throw new InvalidSettingsException(
          BIND_PASSWORD, "is required with bindDn (an empty password is an anonymous bind)");
    }
    TlsSettings tls = TlsSettings.from(raw, servers);
    Scope scope = Scope.from(raw, flavour);
    AttributeMapping mapping = AttributeMapping.from(raw, flavour.defaultMapping());
    MembershipAttribute membership =
        MembershipAttribute.parse(raw.string(MEMBERSHIP_ATTRIBUTE, "member"));
    boolean inChain = raw.bool(NESTED_GROUPS_IN_CHAIN, false);
    if (inChain && flavour != Flavour.ACTIVE_DIRECTORY) {
      throw new InvalidSettingsException(
          NESTED_GROUPS_IN_CHAIN, "is an Active Directory feature (LDAP_MATCHING_RULE_IN_CHAIN)");
    }
    DisabledRule disabled = DisabledRule.from(raw.stringMap(DISABLED_RULE), flavour);
    return new LdapSettings(
        flavour,
        servers,
        bindDn,
        password,
        tls,
        scope,
        mapping,
        membership,
        inChain,
        disabled,
        range(raw, PAGE_SIZE, 1000, 1, 100_000),
        Duration.ofSeconds(range(raw, CONNECT_TIMEOUT_SECONDS, 10, 1, 600)),
        Duration.ofSeconds(range(raw, RESPONSE_TIMEOUT_SECONDS, 60, 1, 3600)),
        raw.bool(FOLLOW_REFERRALS, false),
        Duration.ofSeconds(range(raw, OVERLAP_SECONDS, 60, 0, 86_400)),
        Duration.ofHours(range(raw, FULL_RECONCILE_HOURS, 24, 0, 24 * 365)));
  }

  /**
   * A DN; on AD also {@code user@domain} or <code>DOMAIN&#92;user</code>, which AD accepts in a
   * bind.
   */
  private static void checkBindName(String name, Flavour flavour) {
    if (DN.isValidDN(name) && name.contains("=")) {
      return;
    }
    boolean adForm = name.matches("[^@\\s]+@[^@\\s]+") || name.matches("[^\\\\\\s]+\\\\[^\\\\]+");
    if (adForm && flavour == Flavour.ACTIVE_DIRECTORY) {
      return;
    }
    throw new InvalidSettingsException(
        BIND_DN,
        flavour == Flavour.ACTIVE_DIRECTORY
            ? "must be a DN, user@domain or DOMAIN\\user"
            : "must be a DN (OpenLDAP binds by DN)");
  }

  private static int range(RawSettings raw, String key, int defaultValue, int min, int max) {
    int value = raw.integer(key, defaultValue);
    if (value < min || value > max) {
      throw new InvalidSettingsException(key, "must be between " + min + " and " + max);
    }
    return value;
  }
}
