package org.roster.connector.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roster.connector.api.RawSettings;

/**
 * An UnboundID in-memory directory for unit tests: {@code dc=example,dc=org} with {@code ou=people}
 * and {@code ou=groups}, the standard schema (OpenLDAP-like) or none (to hold AD-like entries), and
 * a service account {@code cn=reader,dc=example,dc=org} / {@code reader-secret}.
 */
final class InMemoryLdap implements AutoCloseable {
  static final String BASE = "dc=example,dc=org";
  static final String PEOPLE = "ou=people," + BASE;
  static final String GROUPS = "ou=groups," + BASE;
  static final String READER = "cn=reader," + BASE;
  static final String READER_PASSWORD = "reader-secret";

  private final InMemoryDirectoryServer server;

  private InMemoryLdap(InMemoryDirectoryServer server) {
    this.server = server;
  }

  /** A started server with the standard schema. */
  static InMemoryLdap standard() {
    return start(true, List.of());
  }

  /** A started server with the standard schema and these interceptors. */
  static InMemoryLdap withInterceptors(InMemoryOperationInterceptor... interceptors) {
    return start(true, List.of(interceptors));
  }

  /** A started server without schema checks, for AD-like entries (binary objectGUID, ...). */
  static InMemoryLdap schemaless(InMemoryOperationInterceptor... interceptors) {
    return start(false, List.of(interceptors));
  }

  private static InMemoryLdap start(
      boolean schema, List<InMemoryOperationInterceptor> interceptors) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
      config.addAdditionalBindCredentials(READER, READER_PASSWORD);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      if (!schema) {
        config.setSchema(null);
      }
      interceptors.forEach(config::addInMemoryOperationInterceptor);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
      server.add(
          "dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
      server.add(
          "dn: " + GROUPS, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
      server.startListening();
      return new InMemoryLdap(server);
    } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
      throw new IllegalStateException(e);
    }
  }

  InMemoryDirectoryServer server() {
    return server;
  }

  int port() {
    return server.getListenPort();
  }

  String url() {
    return "ldap://127.0.0.1:" + port();
  }

  /** A connection bound as the directory manager, to seed and change data. */
  LDAPConnection admin() {
    try {
      return server.getConnection();
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds entries given as LDIF lines, entries separated by an empty string. */
  void add(String... ldifLines) {
    try {
      server.addEntries(ldifLines);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** OpenLDAP-flavoured settings for this server, with overrides. */
  Map<String, Object> openldapSettings(Map<String, Object> overrides) {
    Map<String, Object> s = new HashMap<>();
    s.put("flavour", "openldap");
    s.put("url", url());
    s.put("bindDn", READER);
    s.put("bindPassword", READER_PASSWORD);
    s.put("baseDn", BASE);
    s.putAll(overrides);
    return s;
  }

  LdapSettings settings(Map<String, Object> values) {
    return LdapSettings.from(RawSettings.of(values));
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
