package org.roster.application.service;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.connector.api.ConnectorFactory;

/** The connector factories this server has, by type. */
public final class ConnectorRegistry {
  private final Map<String, ConnectorFactory> byType = new TreeMap<>();

  public ConnectorRegistry(Collection<ConnectorFactory> factories) {
    for (ConnectorFactory f : factories) {
      if (byType.put(f.type(), f) != null) {
        throw new IllegalStateException("two connectors of type '" + f.type() + "'");
      }
    }
  }

  /** @throws InvalidRequestException naming {@code type} when there is no such connector */
  public ConnectorFactory get(String type) {
    ConnectorFactory f = byType.get(type);
    if (f == null) {
      throw new InvalidRequestException("type",
          "unknown profile type '" + type + "'; this server has " + byType.keySet());
    }
    return f;
  }

  public Set<String> types() {
    return byType.keySet();
  }
}
