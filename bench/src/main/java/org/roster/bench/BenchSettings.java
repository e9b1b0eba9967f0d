package org.roster.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run works on, from {@code -Dbench.*} system properties (set by {@code
 * bench/run.sh}).
 *
 * @param ldapUrl the slapd holding the generated directory ({@code ldap://127.0.0.1:PORT})
 * @param bindDn a DN allowed to read and modify every entry
 * @param bindPassword its password
 * @param baseDn the directory's suffix; users under {@code ou=people}, groups under {@code
 *     ou=groups}
 * @param postgresUrl a JDBC URL of the PostgreSQL server, any database, user with CREATEDB
 * @param users how many users the directory was generated with
 * @param groups how many groups
 * @param modes the membership settings to measure, in order ({@code memberOf}, {@code member})
 * @param results the directory the JSON results go to
 * @param keepDatabases false: each database the benchmark creates is dropped at the end
 * @param rounds how many times each membership setting's three runs are measured (median reported)
 * @param breakdown time the engine's port calls ({@link CallTimes}); false for no proxies at all
 */
record BenchSettings(
    String ldapUrl,
    String bindDn,
    String bindPassword,
    String baseDn,
    String postgresUrl,
    int users,
    int groups,
    List<String> modes,
    Path results,
    boolean keepDatabases,
    int rounds,
    boolean breakdown) {

  BenchSettings {
    modes = List.copyOf(modes);
    if (rounds < 1) {
      throw new IllegalArgumentException("'bench.rounds' must be at least 1");
    }
    for (String mode : modes) {
      if (!mode.equals("memberOf") && !mode.equals("member")) {
        throw new IllegalArgumentException("'bench.modes' holds '" + mode + "': use memberOf, member");
      }
    }
  }

  static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        required("bench.ldap.url"),
        required("bench.ldap.bindDn"),
        required("bench.ldap.password"),
        System.getProperty("bench.ldap.baseDn", "dc=example,dc=org"),
        required("bench.postgres.url"),
        Integer.parseInt(System.getProperty("bench.users", "100000")),
        Integer.parseInt(System.getProperty("bench.groups", "5000")),
        Arrays.stream(System.getProperty("bench.modes", "memberOf").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList(),
        Path.of(System.getProperty("bench.results", "bench/results")),
        Boolean.parseBoolean(System.getProperty("bench.keepDatabases", "false")),
        Integer.parseInt(System.getProperty("bench.rounds", "1")),
        Boolean.parseBoolean(System.getProperty("bench.breakdown", "true")));
  }

  String peopleDn() {
    return "ou=people," + baseDn;
  }

  String groupsDn() {
    return "ou=groups," + baseDn;
  }

  private static String required(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("system property '" + key + "' is required (see bench/run.sh)");
    }
    return value;
  }
}
