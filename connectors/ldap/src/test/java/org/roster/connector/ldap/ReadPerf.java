package org.roster.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;

/**
 * Not a test: a main that compares the connector's full read ({@code readAll} of groups then users,
 * into a counting sink) with a plain paged UnboundID read of the same entries and attributes (the
 * benchmark's raw read: synchronous mode, pages of 1000, each value touched), alternately, warm,
 * best of N, in wall time and in this thread's CPU time. It also times the incremental read of an
 * unchanged directory and prints a digest of everything the connector emits, to compare before and
 * after a change. Against a big directory in a private slapd (the LDAPS port must not be Samba's
 * 12636):
 *
 * <pre>
 * export ROSTER_OPENLDAP_DIR=$PWD/connectors/ldap/target/openldap-perf \
 *   ROSTER_OPENLDAP_PORT=12489 ROSTER_OPENLDAP_LDAPS_PORT=12736
 * python3 scripts/ldap-testdata/gen-openldap.py --users 100000 --groups 5000 --memberof -o FILE
 * scripts/slapd.sh bulk FILE
 * ./mvnw -o -q test-compile -pl connectors/ldap
 * ./mvnw -o -q dependency:build-classpath -pl connectors/ldap -Dmdep.outputFile=cp.txt
 * java -Xmx256m -cp connectors/ldap/target/classes:connectors/ldap/target/test-classes:$(cat cp.txt) \
 *   org.roster.connector.ldap.ReadPerf [rounds] [scenario ...]
 * scripts/slapd.sh stop
 * </pre>
 *
 * Scenarios (default all but {@code groups}): {@code digest}, {@code memberOf}, {@code member} (raw
 * and connector full reads with that membership setting), {@code incremental} (both kinds, both
 * settings), {@code groups} (raw group reads alone). The server comes from {@code ROSTER_PERF_URL}
 * (default {@code ldap://127.0.0.1:12489}), bound as {@code cn=admin,dc=example,dc=org}.
 */
final class ReadPerf {
  private static final String BASE = "dc=example,dc=org";
  private static final String BIND_DN = "cn=admin," + BASE;
  private static final String PASSWORD = "admin-secret";
  private static final int PAGE = 1000;
  private static final String USERS = "(objectClass=inetOrgPerson)";
  private static final String GROUPS =
      "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))";
  private static final List<String> USER_ATTRIBUTES =
      List.of(
          "entryUUID",
          "uid",
          "cn",
          "mail",
          "telephoneNumber",
          "title",
          "o",
          "givenName",
          "sn",
          "ou");

  private final String url;
  private final int rounds;

  private ReadPerf(String url, int rounds) {
    this.url = url;
    this.rounds = rounds;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<String> scenarios =
        args.length > 1
            ? List.of(args).subList(1, args.length)
            : List.of("digest", "memberOf", "member", "incremental");
    String url = System.getenv().getOrDefault("ROSTER_PERF_URL", "ldap://127.0.0.1:12489");
    ReadPerf perf = new ReadPerf(url, rounds);
    for (String scenario : scenarios) {
      switch (scenario) {
        case "memberOf", "member" -> perf.full(scenario);
        case "groups" -> {
          perf.rawGroups("memberOf");
          perf.rawGroups("member");
        }
        case "incremental" -> {
          perf.incremental("memberOf");
          perf.incremental("member");
        }
        case "digest" -> {
          perf.digest("memberOf");
          perf.digest("member");
        }
        default -> throw new IllegalArgumentException("unknown scenario " + scenario);
      }
    }
  }

  /** Wall and this thread's CPU seconds. */
  private record Sample(double wall, double cpu) {
    static Sample since(long wallStart, long cpuStart) {
      return new Sample(
          (System.nanoTime() - wallStart) / 1e9,
          (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  @FunctionalInterface
  private interface Timed {
    Sample run();
  }

  /** Warm-up rounds, then the best wall and the best CPU time of {@code rounds}. */
  private Sample best(Timed timed) {
    for (int i = 0; i < 3; i++) {
      timed.run();
    }
    double wall = Double.MAX_VALUE;
    double cpu = Double.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      Sample s = timed.run();
      wall = Math.min(wall, s.wall());
      cpu = Math.min(cpu, s.cpu());
    }
    return new Sample(wall, cpu);
  }

  /** Raw and connector reads alternately, so that both meet the same load on the machine. */
  private void full(String mode) {
    Sample[] best = new Sample[2];
    for (int i = 0; i < 3 + rounds; i++) {
      Sample[] round = {raw(mode), connector(mode)};
      for (int k = 0; k < 2 && i >= 3; k++) {
        best[k] =
            best[k] == null
                ? round[k]
                : new Sample(
                    Math.min(best[k].wall(), round[k].wall()),
                    Math.min(best[k].cpu(), round[k].cpu()));
      }
    }
    Sample raw = best[0];
    Sample connector = best[1];
    System.out.printf(
        "%-9s wall: raw %.3f s, connector %.3f s, ratio %.2f | client cpu: raw %.3f s, connector"
            + " %.3f s, ratio %.2f%n",
        mode,
        raw.wall(),
        connector.wall(),
        connector.wall() / raw.wall(),
        raw.cpu(),
        connector.cpu(),
        connector.cpu() / raw.cpu());
  }

  private void rawGroups(String attribute) {
    Sample s =
        best(
            () -> {
              try (LDAPConnection c = rawConnection()) {
                long wall = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                rawSearch(c, GROUPS, List.of("entryUUID", "cn", attribute), new long[2]);
                return Sample.since(wall, cpu);
              }
            });
    System.out.printf(
        "raw groups with %s: wall %.3f s, cpu %.3f s%n", attribute, s.wall(), s.cpu());
  }

  private void incremental(String mode) {
    SyncToken token;
    try (IncrementalSource source = open(mode)) {
      token = source.currentToken();
    }
    SyncToken since = token;
    Sample s =
        best(
            () -> {
              try (IncrementalSource source = open(mode)) {
                Counter counter = new Counter();
                long wall = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                source.readChanges(EntryKind.GROUP, since, counter);
                source.readChanges(EntryKind.USER, since, counter);
                return Sample.since(wall, cpu);
              }
            });
    System.out.printf(
        "%-9s incremental (nothing changed): wall %.3f s, cpu %.3f s%n", mode, s.wall(), s.cpu());
  }

  private Sample connector(String mode) {
    try (IncrementalSource source = open(mode)) {
      source.currentToken();
      Counter counter = new Counter();
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      source.readAll(EntryKind.GROUP, counter);
      source.readAll(EntryKind.USER, counter);
      Sample s = Sample.since(wall, cpu);
      if (counter.accepted != 105_000) {
        System.out.println("  connector read " + counter.accepted + " entries");
      }
      return s;
    }
  }

  private Sample raw(String mode) {
    long[] counts = new long[2];
    try (LDAPConnection connection = rawConnection()) {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      List<String> userAttributes = new ArrayList<>(USER_ATTRIBUTES);
      if (mode.equals("memberOf")) {
        userAttributes.add("memberOf");
      }
      rawSearch(connection, GROUPS, List.of("entryUUID", "cn", mode), counts);
      rawSearch(connection, USERS, userAttributes, counts);
      return Sample.since(wall, cpu);
    }
  }

  private LDAPConnection rawConnection() {
    try {
      com.unboundid.ldap.sdk.LDAPURL u = new com.unboundid.ldap.sdk.LDAPURL(url);
      LDAPConnectionOptions options = new LDAPConnectionOptions();
      options.setUseSynchronousMode(true);
      options.setResponseTimeoutMillis(120_000);
      LDAPConnection c = new LDAPConnection(options, u.getHost(), u.getPort());
      c.bind(BIND_DN, PASSWORD);
      return c;
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void rawSearch(
      LDAPConnection connection, String filter, List<String> attributes, long[] counts) {
    try {
      Filter parsed = Filter.create(filter);
      ASN1OctetString cookie = null;
      do {
        SearchRequest request =
            new SearchRequest(
                BASE,
                SearchScope.SUB,
                DereferencePolicy.NEVER,
                0,
                0,
                false,
                parsed,
                attributes.toArray(String[]::new));
        request.addControl(new SimplePagedResultsControl(PAGE, cookie, true));
        SearchResult result = connection.search(request);
        for (SearchResultEntry entry : result.getSearchEntries()) {
          counts[0]++;
          for (Attribute a : entry.getAttributes()) {
            counts[1] += a.getRawValues().length;
          }
        }
        SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
        cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
      } while (cookie != null);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A canonical digest of every entry the connector emits (maps and sets sorted). */
  private void digest(String mode) throws NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Counter counter =
        new Counter() {
          @Override
          public boolean accept(SourceEntry entry) {
            sha.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
            return super.accept(entry);
          }
        };
    try (IncrementalSource source = open(mode)) {
      source.readAll(EntryKind.GROUP, counter);
      source.readAll(EntryKind.USER, counter);
    }
    System.out.printf(
        "%-9s digest %s (%d entries, %d group ids)%n",
        mode, HexFormat.of().formatHex(sha.digest()), counter.accepted, counter.groupIds);
  }

  private static String canonical(SourceEntry entry) {
    if (entry instanceof SourceUser u) {
      return "U|"
          + u.externalId()
          + "|"
          + u.login()
          + "|"
          + u.location()
          + "|"
          + u.enabled()
          + "|"
          + new TreeMap<>(u.attributes())
          + "|"
          + new TreeSet<>(u.groupIds())
          + "\n";
    }
    SourceGroup g = (SourceGroup) entry;
    return "G|"
        + g.externalId()
        + "|"
        + g.name()
        + "|"
        + g.location()
        + "|"
        + new TreeSet<>(g.parentGroupIds())
        + "\n";
  }

  private IncrementalSource open(String mode) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("flavour", "openldap");
    settings.put("url", url);
    settings.put("bindDn", BIND_DN);
    settings.put("bindPassword", PASSWORD);
    settings.put("baseDn", BASE);
    settings.put("membershipAttribute", mode);
    settings.put("pageSize", PAGE);
    settings.put("fullReconcileHours", 24 * 365);
    LdapConnectorFactory factory = new LdapConnectorFactory();
    DirectorySource source =
        factory.open(
            factory.validate(RawSettings.of(settings)),
            new SourceContext("perf", Clock.systemUTC()));
    return (IncrementalSource) source;
  }

  /** Counts entries; rejected entries too. */
  private static class Counter implements ChangeSink {
    long accepted;
    long rejected;
    long groupIds;

    @Override
    public boolean accept(SourceEntry entry) {
      accepted++;
      if (entry instanceof SourceUser u) {
        groupIds += u.groupIds().size();
      } else if (entry instanceof SourceGroup g) {
        groupIds += g.parentGroupIds().size();
      }
      return true;
    }

    @Override
    public boolean reject(RejectedEntry entry) {
      rejected++;
      return true;
    }

    @Override
    public boolean deleted(EntryKind kind, String externalId) {
      return true;
    }
  }
}
