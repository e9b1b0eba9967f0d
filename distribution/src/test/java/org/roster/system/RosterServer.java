package org.roster.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server booted in-process as {@code roster serve} boots it, on loopback and a random port,
 * with a known admin password and a fast drop-folder poll.
 */
final class RosterServer implements AutoCloseable {
  static final String ADMIN = "admin";
  static final String PASSWORD = "system-test-password";

  private final EmbeddedServer server;

  private RosterServer(EmbeddedServer server) {
    this.server = server;
  }

  static RosterServer start(Path dataDir, TestDatabase database) {
    return start(dataDir, database, Map.of());
  }

  /** With more configuration properties, which win over the defaults here. */
  static RosterServer start(Path dataDir, TestDatabase database, Map<String, Object> more) {
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.host", "127.0.0.1");
    p.put("micronaut.server.port", -1);
    p.put("roster.data-dir", dataDir.toString());
    p.put("roster.admin.password", PASSWORD);
    p.put("roster.drop-folder.poll-interval", "200ms");
    p.putAll(database.properties());
    p.putAll(more);
    return new RosterServer(ApplicationContext.run(EmbeddedServer.class, p));
  }

  Api api() {
    return new Api(URI.create(server.getURL() + "/"), ADMIN, PASSWORD, bean(JsonMapper.class));
  }

  java.net.URI url() {
    return java.net.URI.create(server.getURL() + "/");
  }

  <T> T bean(Class<T> type) {
    return server.getApplicationContext().getBean(type);
  }

  /** Stops the server and its context; idempotent. */
  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
    if (server.getApplicationContext().isRunning()) {
      server.getApplicationContext().close();
    }
  }
}
