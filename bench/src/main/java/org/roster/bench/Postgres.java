package org.roster.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL server the benchmark makes its databases on, one fresh database per purpose. */
final class Postgres {
  private final String serverUrl;

  /** @param serverUrl a JDBC URL of any database on the server, with user and parameters */
  Postgres(String serverUrl) {
    this.serverUrl = serverUrl;
  }

  /** Creates database {@code name}, dropping one of that name first; returns its JDBC URL. */
  String fresh(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
    return urlOf(name);
  }

  void drop(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The server's URL with another database, same user and parameters. */
  String urlOf(String name) {
    return serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
  }

  Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(urlOf(name));
  }

  private void execute(String... sql) {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + serverUrl + ": " + e.getMessage(), e);
    }
  }
}
