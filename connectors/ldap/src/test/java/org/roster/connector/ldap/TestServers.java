package org.roster.connector.ldap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real directory servers of the integration tests, run by the repository's scripts: a private
 * slapd of this module ({@code scripts/slapd.sh} with its own directory and ports, so that a test
 * may stop it) and the shared Samba AD DC ({@code scripts/samba-ad.sh}: its ports are fixed). A
 * server that cannot start fails the test class loudly; a server is stopped at the end only when
 * this class started it.
 */
final class TestServers {
  private TestServers() {}

  /** One server and its {@code env} lines. */
  static final class Server {
    private final Path script;
    private final Map<String, String> environment;
    private boolean startedHere;
    private Map<String, String> env;

    private Server(Path script, Map<String, String> environment) {
      this.script = script;
      this.environment = environment;
    }

    /** Starts the server unless it runs; remembers whether it started it. */
    Server start() {
      if (run("status").exitCode() != 0) {
        Result started = run("start");
        if (started.exitCode() != 0) {
          throw new IllegalStateException(
              script.getFileName()
                  + " start failed ("
                  + started.exitCode()
                  + "):\n"
                  + started.output());
        }
        startedHere = true;
      }
      env = parse(run("env").output());
      return this;
    }

    /** A value of the script's {@code env}, e.g. {@code ROSTER_SAMBA_BASE_DN}. */
    String env(String key) {
      String value = env.get(key);
      if (value == null) {
        throw new IllegalStateException(script.getFileName() + " env has no " + key + ": " + env);
      }
      return value;
    }

    /** Runs a script command, failing loudly when it fails. */
    String command(String... args) {
      Result r = run(args);
      if (r.exitCode() != 0) {
        throw new IllegalStateException(
            script.getFileName() + " " + String.join(" ", args) + " failed:\n" + r.output());
      }
      return r.output();
    }

    /** Stops the server if this class started it. */
    void stopIfStartedHere() {
      if (startedHere) {
        run("stop");
        startedHere = false;
      }
    }

    /** Stops the server now (the test wants it gone), whoever started it. */
    void stopNow() {
      command("stop");
    }

    private Result run(String... args) {
      List<String> command = new java.util.ArrayList<>();
      command.add(script.toString());
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().putAll(environment);
      try {
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroy();
          throw new IllegalStateException(script + " " + command + " did not finish in 5 minutes");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + script, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted running " + script, e);
      }
    }
  }

  private record Result(int exitCode, String output) {}

  /** This module's private slapd: target/openldap, ports 11389 / 11636. */
  static Server slapd() {
    Map<String, String> environment = new HashMap<>();
    environment.put("ROSTER_OPENLDAP_DIR", moduleDir().resolve("target/openldap").toString());
    environment.put("ROSTER_OPENLDAP_PORT", "11389");
    environment.put("ROSTER_OPENLDAP_LDAPS_PORT", "11636");
    return new Server(repository().resolve("scripts/slapd.sh"), environment);
  }

  /** The shared Samba AD DC. */
  static Server samba() {
    return new Server(repository().resolve("scripts/samba-ad.sh"), Map.of());
  }

  static Path moduleDir() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("connectors/ldap/pom.xml"))
        ? here.resolve("connectors/ldap")
        : here;
  }

  static Path repository() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("scripts/slapd.sh"))) {
        return p;
      }
    }
    throw new IllegalStateException("no scripts/slapd.sh above " + Path.of("").toAbsolutePath());
  }

  static Map<String, String> parse(String envOutput) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : envOutput.split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0 || !line.startsWith("ROSTER_")) {
        continue;
      }
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
        value = value.substring(1, value.length() - 1).replace("'\\''", "'");
      }
      values.put(line.substring(0, eq), value);
    }
    return values;
  }
}
