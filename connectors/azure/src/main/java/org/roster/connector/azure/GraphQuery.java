package org.roster.connector.azure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;

/** Builds a Graph request URL: base, path and OData query options, each value encoded. */
final class GraphQuery {
  private final StringBuilder url;
  private boolean hasQuery;

  private GraphQuery(String base, String path) {
    this.url = new StringBuilder(base).append(path);
  }

  /** A request of {@code path} ({@code /users}) under the Graph base URL. */
  static GraphQuery on(String base, String path) {
    return new GraphQuery(base, path);
  }

  GraphQuery select(Collection<String> properties) {
    return option("$select", String.join(",", properties));
  }

  /** Page size; Graph serves at most 999 directory objects a page. */
  GraphQuery top(int size) {
    return option("$top", Integer.toString(size));
  }

  GraphQuery filter(Optional<String> odata) {
    return odata.map(f -> option("$filter", f)).orElse(this);
  }

  GraphQuery option(String name, String value) {
    url.append(hasQuery ? '&' : '?').append(name).append('=').append(encode(value));
    hasQuery = true;
    return this;
  }

  String build() {
    return url.toString();
  }

  /** Percent-encodes a query value; spaces as {@code %20}, commas kept for readability. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
  }
}
