package org.roster.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the store's integration tests run on: the one named by the system property
 * {@code roster.it.postgres.url} when set (CI), else the private cluster of {@code
 * scripts/postgres.sh}, started here when it is not running. Anything that stops it from giving a
 * working database is an error, never a reason to skip.
 */
final class PostgresCluster {
  private PostgresCluster() {}

  /** A JDBC URL of a freshly created, empty database {@code name} on the server. */
  static String freshDatabase(String name) {
    String serverUrl = serverUrl();
    String url = serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + " on " + serverUrl, e);
    }
    return url;
  }

  /** Drops database {@code name} from the server, if it is there. */
  static void dropDatabase(String name) {
    String serverUrl = serverUrl();
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + name + " on " + serverUrl, e);
    }
  }

  private static String serverUrl() {
    String given = System.getProperty("roster.it.postgres.url", "");
    return given.isBlank() ? startScriptCluster() : given;
  }

  private static String startScriptCluster() {
    Path script = repositoryRoot().resolve("scripts/postgres.sh");
    try {
      Path out = Files.createTempFile("postgres-sh", ".log");
      // Output to a file, not a pipe: the server started by the script outlives it.
      Process p =
          new ProcessBuilder("bash", script.toString(), "start")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(script + " start did not finish in 120 s");
      }
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      Files.delete(out);
      if (p.exitValue() != 0
          || lines.isEmpty()
          || !lines.get(lines.size() - 1).startsWith("jdbc:")) {
        throw new IllegalStateException(
            script + " start failed (exit " + p.exitValue() + "):\n" + String.join("\n", lines));
      }
      return lines.get(lines.size() - 1);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    }
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/postgres.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no scripts/postgres.sh above " + Path.of("").toAbsolutePath());
  }
}
