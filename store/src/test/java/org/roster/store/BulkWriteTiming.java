package org.roster.store;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.Membership;
import org.roster.application.port.out.RunStore;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunEntry;

/**
 * Not a test (nothing runs it in the build): a timing of the store's bulk write paths shaped like
 * the first full sync of 100k users / 5k groups. Chunks of 500 as the engine flushes them: groups,
 * then per chunk users, their 250k memberships in all, 105k audit events in one long transaction,
 * and 105k report lines each chunk in a transaction of its own. Prints per store method the wall
 * seconds, this thread's CPU and, on PostgreSQL, the CPU of the server process serving the long
 * transaction (read from /proc: same machine only), best and median of the rounds.
 *
 * <pre>
 * ./mvnw -B -o -q -pl store test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/store-cp.txt -Dmdep.includeScope=test
 * java -cp store/target/test-classes:store/target/classes:$(cat /tmp/store-cp.txt) \
 *     org.roster.store.BulkWriteTiming [pg|h2] [rounds]
 * </pre>
 */
public final class BulkWriteTiming {
  private static final int USERS = 100_000;
  private static final int GROUPS = 5_000;
  private static final int CHUNK = 500;
  private static final String DATABASE = "roster_store_timing";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123456Z");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, List<Double>> seconds = new LinkedHashMap<>();
  private int round;
  private long backendPid;

  public static void main(String[] args) {
    boolean h2 = args.length > 0 && args[0].equals("h2");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Map<String, Object> datasource =
        h2
            ? Map.of(
                "datasources.default.url",
                "jdbc:h2:mem:timing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH")
            : Map.of(
                "datasources.default.url", PostgresCluster.freshDatabase(DATABASE),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.username", "postgres");
    try (ApplicationContext context = ApplicationContext.run(datasource, "test")) {
      new BulkWriteTiming().run(context, rounds);
    }
    if (!h2) {
      PostgresCluster.dropDatabase(DATABASE);
    }
  }

  private void run(ApplicationContext context, int rounds) {
    Transactions transactions = context.getBean(Transactions.class);
    UserStore users = context.getBean(UserStore.class);
    GroupStore groups = context.getBean(GroupStore.class);
    AuditStore audit = context.getBean(AuditStore.class);
    RunStore runs = context.getBean(RunStore.class);
    JsonCodec json = context.getBean(JsonCodec.class);
    Jdbc jdbc = context.getBean(Jdbc.class);

    for (round = 1; round <= rounds; round++) {
      UUID profile = UUID.randomUUID();
      UUID run = UUID.randomUUID();
      List<Group> groupRows = groups(profile);
      List<User> userRows = users(profile);
      jdbc.joinedRun(BulkWriteTiming::emptyTables);
      System.gc();

      time("JSON of 100k attribute maps, mapper",
          () -> userRows.forEach(u -> json.write(u.attributes())));
      time("JSON of 100k attribute maps, writeStrings",
          () -> userRows.forEach(u -> json.writeStrings(u.attributes())));
      long start = System.nanoTime();
      transactions.inTransaction(
          tx -> {
            backendPid = jdbc.joined(BulkWriteTiming::backendPid);
            time("GroupStore.insertAll", () -> groups.insertAll(groupRows));
            long seq = 0;
            for (int from = 0; from < GROUPS; from += CHUNK) {
              List<Group> chunk = groupRows.subList(from, Math.min(GROUPS, from + CHUNK));
              appendEvents(audit, runs, run, seq, chunk.stream().map(Group::name).toList());
              seq += chunk.size();
            }
            for (int from = 0; from < USERS; from += CHUNK) {
              List<User> chunk = userRows.subList(from, Math.min(USERS, from + CHUNK));
              List<Membership> memberships = memberships(chunk, groupRows, from);
              time("UserStore.insertAll", () -> users.insertAll(chunk));
              time("UserStore.insertMemberships", () -> users.insertMemberships(memberships));
              appendEvents(audit, runs, run, seq, chunk.stream().map(User::login).toList());
              seq += chunk.size();
            }
            backendPid = 0;
            return null;
          });
      add("all of it: one transaction, commit", (System.nanoTime() - start) / 1e9);
    }
    System.out.printf("best / median of %d rounds, seconds%n", rounds);
    seconds.forEach(
        (what, values) -> {
          double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          System.out.printf(
              Locale.ROOT,
              "  %-58s %6.3f / %6.3f   %s%n",
              what,
              sorted[0],
              sorted[sorted.length / 2],
              values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
        });
  }

  private void appendEvents(
      AuditStore audit, RunStore runs, UUID run, long seq, List<String> names) {
    List<AuditEvent> events = new ArrayList<>();
    List<RunEntry> entries = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Map<String, String> after =
          Map.of("login", name, "status", "ACTIVE", "mail", name + "@example.org", "groups", "3");
      events.add(
          new AuditEvent(UUID.randomUUID(), NOW, run, "profile:Corp LDAP", AuditCategory.USER,
              "created", UUID.randomUUID(), name, Map.of(), after, ""));
      entries.add(
          new RunEntry(run, seq + i + 1, "USER", "uuid-" + name, name,
              "uid=" + name + ",ou=People,dc=example,dc=org", EntryOutcome.CREATED, ""));
    }
    time("AuditStore.appendAll", () -> audit.appendAll(events));
    time("RunStore.appendReport (own transactions)", () -> runs.appendReport(entries), false);
  }

  private static List<Group> groups(UUID profile) {
    List<Group> out = new ArrayList<>(GROUPS);
    for (int i = 0; i < GROUPS; i++) {
      String name = "group" + i;
      Set<UUID> parents = i > 0 && i % 96 == 0 ? Set.of(out.get(i - 1).id()) : Set.of();
      out.add(new Group(UUID.randomUUID(), profile, UUID.randomUUID().toString(), name,
          "cn=" + name + ",ou=Groups,dc=example,dc=org", false, parents, NOW));
    }
    return out;
  }

  /** Users with the ten attributes the benchmark's OpenLDAP users have. */
  private static List<User> users(UUID profile) {
    List<User> out = new ArrayList<>(USERS);
    for (int i = 0; i < USERS; i++) {
      String uid = "user" + i;
      Map<String, String> attributes = Map.of(
          "uid", uid,
          "cn", "User Number " + i,
          "email", uid + "@example.org",
          "displayName", "User Number " + i,
          "telephoneNumber", "+1 555 " + (1000000 + i),
          "title", "Engineer \"level\" " + (i % 7),
          "o", "Example Corp",
          "givenName", "User",
          "sn", "Number " + i,
          "ou", "Department " + (i % 40));
      out.add(new User(UUID.randomUUID(), profile, UUID.randomUUID().toString(), uid,
          UserStatus.ACTIVE, null, attributes, "uid=" + uid + ",ou=People,dc=example,dc=org",
          true, false, null, Integer.toHexString(uid.hashCode()) + "0123456789abcdef", NOW, NOW));
    }
    return out;
  }

  /** 3 groups for even users, 2 for odd ones: 250k over 100k users. */
  private static List<Membership> memberships(List<User> chunk, List<Group> groups, int first) {
    List<Membership> out = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      int n = first + i;
      for (int k = 0; k < (n % 2 == 0 ? 3 : 2); k++) {
        out.add(new Membership(chunk.get(i).id(), groups.get((n + k * 1667) % GROUPS).id()));
      }
    }
    return out;
  }

  private static void emptyTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String table :
          List.of("app_user", "grp", "group_parent", "user_group", "audit_event", "run_entry")) {
        s.execute("DELETE FROM " + table);
      }
    }
  }

  /**
   * Runs {@code work}, adding its seconds to this round's sums; the server's CPU only when the
   * work runs on the connection of the long transaction.
   */
  private void time(String what, Runnable work) {
    time(what, work, true);
  }

  private void time(String what, Runnable work, boolean onTheLongTransaction) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long server = serverCpuNanos();
    long start = System.nanoTime();
    work.run();
    sum(what, (System.nanoTime() - start) / 1e9);
    sum(what + " [JVM thread CPU]", (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
    if (backendPid > 0 && onTheLongTransaction) {
      sum(what + " [server CPU]", (serverCpuNanos() - server) / 1e9);
    }
  }

  private void sum(String what, double s) {
    List<Double> values = seconds.computeIfAbsent(what, k -> new ArrayList<>());
    if (values.size() < round) {
      values.add(s);
    } else {
      values.set(round - 1, values.get(round - 1) + s);
    }
  }

  private void add(String what, double s) {
    seconds.computeIfAbsent(what, k -> new ArrayList<>()).add(s);
  }

  /** The PostgreSQL server process of this connection; 0 on H2. */
  private static long backendPid(Connection c) throws SQLException {
    if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      return 0;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Nanoseconds the server process ran on a CPU (first field of /proc/PID/schedstat). */
  private long serverCpuNanos() {
    if (backendPid <= 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + backendPid + "/schedstat"));
      return Long.parseLong(stat.substring(0, stat.indexOf(' ')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
