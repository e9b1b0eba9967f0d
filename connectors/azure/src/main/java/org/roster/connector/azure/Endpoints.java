package org.roster.connector.azure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * Where tokens and data come from: the Entra ID authority and the Microsoft Graph base URL, both
 * https. National clouds have their own pair (US Government: {@code
 * https://login.microsoftonline.us/} and {@code https://graph.microsoft.us/v1.0}; China: {@code
 * https://login.chinacloudapi.cn/} and {@code https://microsoftgraph.chinacloudapi.cn/v1.0}).
 *
 * @param authority the authority's root, ending with {@code /} (setting {@code authority})
 * @param graph the Graph base URL with its version, without a trailing {@code /} (setting {@code
 *     graphUrl})
 */
public record Endpoints(URI authority, URI graph) {

  /** The global cloud's authority. */
  public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com/";

  /** The global cloud's Graph, version 1.0. */
  public static final String DEFAULT_GRAPH = "https://graph.microsoft.com/v1.0";

  public Endpoints {
    Objects.requireNonNull(authority, "'authority' must not be null");
    Objects.requireNonNull(graph, "'graph' must not be null");
  }

  static Endpoints from(RawSettings raw) {
    URI authority = https(raw, AzureSettings.AUTHORITY, DEFAULT_AUTHORITY);
    String path = authority.getRawPath() == null ? "" : authority.getRawPath();
    URI graph = https(raw, AzureSettings.GRAPH_URL, DEFAULT_GRAPH);
    String graphPath = graph.getRawPath() == null ? "" : graph.getRawPath();
    return new Endpoints(
        URI.create(origin(authority) + (path.endsWith("/") ? path : path + "/")),
        URI.create(origin(graph) + graphPath.replaceAll("/+$", "")));
  }

  /** The tenant's authority as msal4j wants it: {@code https://host/<tenant>/}. */
  String tenantAuthority(String tenantId) {
    return authority + tenantId + "/";
  }

  /** The app-only scope of Graph's resource: {@code https://graph.microsoft.com/.default}. */
  String scope() {
    return origin(graph) + "/.default";
  }

  /** The Graph base URL as a string, without a trailing slash. */
  String graphBase() {
    return graph.toString();
  }

  /** True when {@code link} points at the Graph host (so the access token may be sent there). */
  boolean onGraph(URI link) {
    return "https".equalsIgnoreCase(link.getScheme())
        && link.getHost() != null
        && link.getHost().equalsIgnoreCase(graph.getHost())
        && port(link) == port(graph);
  }

  private static int port(URI uri) {
    return uri.getPort() == -1 ? 443 : uri.getPort();
  }

  private static String origin(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
  }

  private static URI https(RawSettings raw, String key, String defaultValue) {
    String value = raw.string(key, defaultValue).strip();
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(key, "is not a URL: " + value);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw new InvalidSettingsException(
          key, "must be an https:// URL (Entra ID and Graph are served over TLS only): " + value);
    }
    if (uri.getHost() == null) {
      throw new InvalidSettingsException(key, "must name a host: " + value);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new InvalidSettingsException(
          key, "must be a plain URL without user, query or fragment: " + value);
    }
    return uri;
  }
}
