package org.roster.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The system tests' own OpenLDAP server, run by {@code scripts/slapd.sh} with a private directory
 * ({@code distribution/target/openldap-it}) and private ports (13389 / 13636), so that it never
 * meets another test's or the benchmark's slapd. Every failure — the script, {@code ldapmodify} —
 * is an exception with the tool's output: a test that needs slapd fails loudly, it never skips.
 */
final class Slapd {
  static final String PORT = "13389";
  static final String LDAPS_PORT = "13636";

  private final Path script;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Map<String, String> env = Map.of();
  private Instant lastWrite = Instant.now();

  private Slapd(Path repository) {
    this.script = repository.resolve("scripts/slapd.sh");
    environment.put("ROSTER_OPENLDAP_DIR",
        repository.resolve("distribution/target/openldap-it").toString());
    environment.put("ROSTER_OPENLDAP_PORT", PORT);
    environment.put("ROSTER_OPENLDAP_LDAPS_PORT", LDAPS_PORT);
  }

  /**
   * Stops this instance if it runs, wipes its data, starts it empty and loads {@code ldif}: every
   * test starts from the same directory.
   */
  static Slapd fresh(Path ldif) {
    Slapd slapd = new Slapd(repository());
    slapd.script("reset");
    slapd.env = parse(slapd.script("env"));
    slapd.seed(ldif);
    return slapd;
  }

  /** A value the script's {@code env} prints, e.g. {@code ROSTER_OPENLDAP_CA_PEM}. */
  String env(String key) {
    String value = env.get(key);
    if (value == null) {
      throw new IllegalStateException("scripts/slapd.sh env has no " + key + ": " + env);
    }
    return value;
  }

  /** {@code scripts/slapd.sh seed FILE}: ldapadd as the rootdn. */
  void seed(Path ldif) {
    script("seed", ldif.toString());
    lastWrite = Instant.now();
  }

  /** {@code ldapmodify} as the rootdn over plain LDAP: adds, changes, renames, deletes. */
  void modify(Path ldif) {
    run(List.of("ldapmodify", "-x", "-H", env("ROSTER_OPENLDAP_URL"), "-D",
        env("ROSTER_OPENLDAP_BIND_DN"), "-w", env("ROSTER_OPENLDAP_BIND_PASSWORD"), "-f",
        ldif.toString()), "ldapmodify (Debian package ldap-utils)");
    lastWrite = Instant.now();
  }

  /**
   * Waits until the clock is in a later second than the last write through this class. OpenLDAP's
   * {@code modifyTimestamp} has one-second resolution and this slapd keeps no {@code contextCSN}
   * (no syncprov), so an OpenLDAP profile's watermark is the Roster machine's clock truncated to
   * the second: a run that starts after this call has a watermark above every entry written so
   * far, and with {@code overlapSeconds: 0} the next increment reads only what changes after it.
   */
  void awaitNextSecond() {
    long millis = Duration.between(Instant.now(),
        lastWrite.truncatedTo(ChronoUnit.SECONDS).plusMillis(1100)).toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** Stops this instance; quiet when it is not running. */
  void stop() {
    script("stop");
  }

  private String script(String... args) {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(script.toString());
    command.addAll(List.of(args));
    return run(command, "scripts/slapd.sh " + String.join(" ", args));
  }

  private String run(List<String> command, String what) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(environment);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(what + " did not finish in 2 minutes");
      }
      String output = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "):\n" + output
            + "\nThe LDAP system test needs the Debian packages slapd and ldap-utils.");
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + what + " (" + command.get(0) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + what, e);
    }
  }

  static Path repository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/slapd.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no scripts/slapd.sh above " + Path.of("").toAbsolutePath());
  }

  /** The {@code KEY=value} lines of {@code env}; single-quoted values unquoted. */
  private static Map<String, String> parse(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
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
