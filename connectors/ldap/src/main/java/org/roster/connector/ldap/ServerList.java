package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * The directory servers of a profile, tried in order (settings {@code urls}, or {@code url} and
 * {@code failoverUrl}): the first that answers serves the whole run.
 *
 * @param ldaps true for {@code ldaps://} (TLS from the first byte), false for {@code ldap://}
 * @param servers one or more, in failover order
 */
public record ServerList(boolean ldaps, List<Server> servers) {

  /** One server. */
  public record Server(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  public ServerList {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("'servers' must not be empty");
    }
  }

  static ServerList from(RawSettings raw) {
    List<String> urls = new ArrayList<>(raw.stringList(LdapSettings.URLS));
    String field = LdapSettings.URLS;
    if (urls.isEmpty()) {
      Optional<String> url = raw.optionalString(LdapSettings.URL);
      if (url.isEmpty()) {
        throw new InvalidSettingsException(LdapSettings.URL, "is required (or urls)");
      }
      urls.add(url.get());
      raw.optionalString(LdapSettings.FAILOVER_URL).ifPresent(urls::add);
      field = LdapSettings.URL;
    }
    List<Server> servers = new ArrayList<>();
    Boolean ldaps = null;
    for (int i = 0; i < urls.size(); i++) {
      String name =
          field.equals(LdapSettings.URLS)
              ? field + "[" + i + "]"
              : (i == 0 ? field : LdapSettings.FAILOVER_URL);
      LDAPURL url = parse(urls.get(i).strip(), name);
      boolean secure = url.getScheme().equals("ldaps");
      if (ldaps != null && ldaps != secure) {
        throw new InvalidSettingsException(name, "must use the same scheme as the first URL");
      }
      ldaps = secure;
      servers.add(new Server(url.getHost(), url.getPort()));
    }
    return new ServerList(ldaps, servers);
  }

  private static LDAPURL parse(String text, String field) {
    LDAPURL url;
    try {
      url = new LDAPURL(text);
    } catch (LDAPException e) {
      throw new InvalidSettingsException(
          field, "must be ldap://host[:port] or ldaps://host[:port], not '" + text + "'");
    }
    if (!url.hostProvided()) {
      throw new InvalidSettingsException(field, "names no host: '" + text + "'");
    }
    if (url.baseDNProvided() && !url.getBaseDN().isNullDN()) {
      throw new InvalidSettingsException(field, "must not carry a base DN; use the baseDn setting");
    }
    return url;
  }

  /** The URLs, for messages: {@code ldaps://dc1:636, ldaps://dc2:636}. */
  String describe() {
    String scheme = ldaps ? "ldaps://" : "ldap://";
    return String.join(", ", servers.stream().map(s -> scheme + s).toList());
  }
}
