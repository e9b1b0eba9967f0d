package org.roster.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh database {@code roster_it_<random>} in the private PostgreSQL cluster that {@code
 * scripts/postgres.sh start} runs (or in the server the system property {@code
 * roster.it.postgres.url} names). Fails, never skips, when PostgreSQL cannot be reached. Dropped on
 * close.
 */
final class PostgresDatabase implements TestDatabase {
  private final String adminUrl;
  private final String name = "roster_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final String url;

  PostgresDatabase() {
    String configured = System.getProperty("roster.it.postgres.url", "");
    this.adminUrl = configured.isBlank() ? startPrivateCluster() : configured;
    this.url = withDatabase(adminUrl, name);
    execute("CREATE DATABASE " + name);
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("datasources.default.url", url);
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  @Override
  public String toString() {
    return "PostgreSQL " + url;
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused '" + sql + "'", e);
    }
  }

  /** The URL with its database replaced: {@code jdbc:postgresql://host:port/<db>?params}. */
  static String withDatabase(String jdbcUrl, String database) {
    int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = jdbcUrl.indexOf('?', slash);
    return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
  }

  /** Runs {@code scripts/postgres.sh start} (idempotent) and returns the URL it prints. */
  private static String startPrivateCluster() {
    Path script = repositoryRoot().resolve("scripts/postgres.sh");
    try {
      Path log = Files.createTempFile("postgres-start", ".log");
      Process p = new ProcessBuilder(List.of("bash", script.toString(), "start"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(script + " start did not finish in 120 s");
      }
      List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      String last = output.isEmpty() ? "" : output.get(output.size() - 1).strip();
      if (p.exitValue() != 0 || !last.startsWith("jdbc:postgresql:")) {
        throw new IllegalStateException(script + " start failed (exit " + p.exitValue() + "):\n"
            + String.join("\n", output)
            + "\nThe PostgreSQL tests need the Debian package 'postgresql' (.ci/run installs it).");
      }
      return last;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
