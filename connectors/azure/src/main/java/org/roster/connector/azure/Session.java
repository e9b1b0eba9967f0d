package org.roster.connector.azure;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import org.roster.connector.api.SourceContext;

/**
 * What one source's reads share: settings, the token and Graph clients (made on first use, so that
 * opening a source does no I/O), and the groups read in this run. Not thread-safe.
 */
final class Session {
  private final AzureSettings settings;
  private final SourceContext context;
  private final Sleeper sleeper;
  private final UserMapper mapper;
  private GraphClient graph;
  private GroupListing scope;
  private GroupCatalog catalog;

  Session(AzureSettings settings, SourceContext context, Sleeper sleeper) {
    this.settings = settings;
    this.context = context;
    this.sleeper = sleeper;
    this.mapper = new UserMapper(settings.mapping());
  }

  AzureSettings settings() {
    return settings;
  }

  SourceContext context() {
    return context;
  }

  UserMapper mapper() {
    return mapper;
  }

  /** The Graph client, with its token source; made on first use. */
  GraphClient graph() {
    if (graph == null) {
      SSLContext ssl = TlsContext.create(settings.trust());
      AccessTokens tokens = new AccessTokens(settings, ssl, context.clock());
      HttpClient.Builder http =
          HttpClient.newBuilder()
              .connectTimeout(settings.connectTimeout())
              .sslContext(ssl)
              .followRedirects(HttpClient.Redirect.NEVER);
      ProxySelector proxy = ProxySelector.getDefault();
      if (proxy != null) {
        http.proxy(proxy);
      }
      graph =
          new GraphClient(
              http.build(), tokens, settings, sleeper, context.clock(), context.profileId());
    }
    return graph;
  }

  /** A Graph URL builder for {@code path} ({@code /users}). */
  GraphQuery query(String path) {
    return GraphQuery.on(settings.endpoints().graphBase(), path);
  }

  /** The profile's groups (ids and names), read once per source. */
  GroupListing scope() {
    if (scope == null) {
      scope = GroupListing.read(this);
    }
    return scope;
  }

  /** The profile's groups with their members, read once per source. */
  GroupCatalog catalog() {
    if (catalog == null) {
      catalog = new GroupScan(this).run(scope());
    }
    return catalog;
  }

  /** Forgets the clients; a later call makes new ones. */
  void close() {
    graph = null;
    scope = null;
    catalog = null;
  }
}
