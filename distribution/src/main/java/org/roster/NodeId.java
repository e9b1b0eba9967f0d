package org.roster;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This node's name in run leases ({@code roster.node-id}, default {@code <hostname>:<http port>}).
 * It stays the same across restarts on purpose: a restarted node recognises the runs it held when
 * it stopped and aborts them at once instead of waiting for their leases to expire.
 */
@Singleton
public class NodeId {
  private final String value;

  public NodeId(@Value("${roster.node-id:}") String configured,
      @Value("${micronaut.server.port:8080}") String port) {
    this.value = configured.isBlank() ? hostname() + ":" + port : configured.strip();
  }

  public String value() {
    return value;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
