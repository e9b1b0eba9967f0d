package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import java.util.List;
import javax.net.SocketFactory;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.Secret;

/**
 * Opens connections to a profile's servers in three steps, each failing with its own message: reach
 * (TCP, and the TLS handshake for {@code ldaps://}), StartTLS when set, bind. Failover goes through
 * UnboundID's {@link FailoverServerSet}: the first server that accepts the connection.
 */
final class Connector {
  private final LdapSettings settings;
  private final TlsContext tls;
  private ServerSet servers;

  Connector(LdapSettings settings, String profileId) {
    this.settings = settings;
    this.tls = new TlsContext(settings.tls(), profileId);
  }

  /** A connection bound as the profile's account. */
  LDAPConnection open() {
    LDAPConnection connection = connect();
    try {
      bind(connection);
      return connection;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** A connection that reached a server and, with StartTLS, secured itself; not bound. */
  LDAPConnection connect() {
    LDAPConnection connection;
    try {
      connection = serverSet().getConnection();
    } catch (LDAPException e) {
      throw LdapFailures.connecting(settings.servers().describe(), e);
    }
    if (settings.tls().startTls()) {
      startTls(connection);
    }
    return connection;
  }

  /** Binds as the profile's account; anonymous when no bind DN is set. */
  void bind(LDAPConnection connection) {
    if (settings.bindDn().isEmpty()) {
      return;
    }
    bindAs(connection, settings.bindDn().get(), settings.bindPassword().orElseThrow());
  }

  /**
   * A simple bind; AD accepts a DN, {@code user@domain} and <code>DOMAIN&#92;user</code> as the
   * name.
   *
   * @throws ConnectorException from {@link LdapFailures}, step "bind"
   */
  static void bindAs(LDAPConnection connection, String name, Secret password) {
    try {
      connection.bind(new SimpleBindRequest(name, password.value()));
    } catch (LDAPException e) {
      throw LdapFailures.translate("bind", e);
    }
  }

  private void startTls(LDAPConnection connection) {
    try {
      ExtendedResult result =
          connection.processExtendedOperation(new StartTLSExtendedRequest(tls.context()));
      if (result.getResultCode() != ResultCode.SUCCESS) {
        throw new LDAPException(result);
      }
    } catch (LDAPException e) {
      connection.close();
      throw LdapFailures.startTls(e);
    }
  }

  private ServerSet serverSet() {
    if (servers == null) {
      LDAPConnectionOptions options = new LDAPConnectionOptions();
      options.setUseSynchronousMode(true);
      options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
      options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
      options.setFollowReferrals(settings.followReferrals());
      options.setAutoReconnect(false);
      if (settings.tls().used(settings.servers())) {
        options.setSSLSocketVerifier(tls.verifier());
      }
      SocketFactory sockets =
          settings.servers().ldaps() ? tls.socketFactory() : SocketFactory.getDefault();
      List<ServerList.Server> list = settings.servers().servers();
      if (list.size() == 1) {
        servers = new SingleServerSet(list.get(0).host(), list.get(0).port(), sockets, options);
      } else {
        String[] hosts = list.stream().map(ServerList.Server::host).toArray(String[]::new);
        int[] ports = list.stream().mapToInt(ServerList.Server::port).toArray();
        servers = new FailoverServerSet(hosts, ports, sockets, options);
      }
    }
    return servers;
  }
}
