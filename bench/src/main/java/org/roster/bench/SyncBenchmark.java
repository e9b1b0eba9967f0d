package org.roster.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DESIGN.md's performance bar, measured against the raw costs of the same run: a plain paged read
 * of the directory and a plain batch insert of the rows a sync writes, then, per membership
 * setting, a full first sync, a no-change re-sync and a 1 % incremental run through the real
 * engine. Started by {@code bench/run.sh}, which provides slapd, PostgreSQL and the settings
 * ({@link BenchSettings}). Exit status 0 when every bar holds, 1 when one does not, 2 on error.
 */
public final class SyncBenchmark {
  private static final int READ_SAMPLES = 3;
  private static final int INSERT_SAMPLES = 2;

  private final BenchSettings settings;
  private final HeapMeter heap = new HeapMeter();
  private final CpuMeter cpu = new CpuMeter();
  private final Postgres postgres;
  private final RawRead reader;

  SyncBenchmark(BenchSettings settings) {
    this.settings = settings;
    this.postgres = new Postgres(settings.postgresUrl());
    this.reader = new RawRead(settings);
  }

  public static void main(String[] args) {
    int status;
    try {
      status = new SyncBenchmark(BenchSettings.fromSystemProperties()).run() ? 0 : 1;
    } catch (RuntimeException | IOException e) {
      e.printStackTrace();
      status = 2;
    }
    System.exit(status);
  }

  boolean run() throws IOException {
    Map<String, Object> environment = environment();
    double background = backgroundCores();
    environment.put("backgroundCores", Math.round(background * 100) / 100.0);
    if (background > 0.25) {
      System.out.printf(Locale.ROOT, "WARNING: other processes keep %.2f of %d CPUs busy while the"
          + " benchmark waits; its figures will be slower and noisier than the machine can do.%n",
          background, Runtime.getRuntime().availableProcessors());
    }
    Report report = new Report(settings, environment);
    System.out.printf(Locale.ROOT,
        "Roster benchmark: %,d users / %,d groups, membership %s, %d round(s) of sync runs%n",
        settings.users(), settings.groups(), String.join(" then ", settings.modes()),
        settings.rounds());
    RawInsert.Result raw = rawInsert(report);
    DirectoryChanges changes = new DirectoryChanges(settings, reader);
    for (String mode : settings.modes()) {
      double read = rawRead(mode, report);
      new SyncPhases(settings, postgres, heap, report, changes).run(mode, read, raw);
    }
    report.print(System.out);
    Path file = report.write();
    System.out.println("results: " + file);
    return report.allPass();
  }

  /** The raw insert, best of {@value #INSERT_SAMPLES}; the rows are read from slapd untimed. */
  private RawInsert.Result rawInsert(Report report) {
    RawRows rows = RawRows.read(reader);
    if (rows.users.size() != settings.users() || rows.groups.size() != settings.groups()) {
      throw new IllegalStateException("the directory holds " + rows.users.size() + " users and "
          + rows.groups.size() + " groups, not " + settings.users() + " / " + settings.groups());
    }
    RawInsert insert = new RawInsert(postgres);
    RawInsert.Result best = null;
    HeapMeter.Use bestHeap = null;
    CpuMeter.Use bestCpu = null;
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < INSERT_SAMPLES; i++) {
      System.gc();
      heap.start();
      PhaseEvent event = new PhaseEvent("-", "raw insert");
      event.begin();
      cpu.start();
      RawInsert.Result r = insert.insert(rows);
      CpuMeter.Use cpuUse = cpu.stop();
      event.commit();
      HeapMeter.Use use = heap.stop();
      samples.add(r.seconds());
      if (best == null || r.seconds() < best.seconds()) {
        best = r;
        bestHeap = use;
        bestCpu = cpuUse;
      }
    }
    report.add(Phase.reference("-", "raw insert", best.seconds(), bestHeap, bestCpu, String.format(
        Locale.ROOT, "best of %s s: %,d rows (%,d groups, %,d group parents, %,d users, %,d"
            + " memberships), JDBC batches of %d, reWriteBatchedInserts, one transaction: %s",
        seconds(samples), best.rows(), best.groups(), best.groupParents(), best.users(),
        best.memberships(), RawInsert.BATCH, best.split())));
    return best;
  }

  /** The raw read for one membership setting, best of {@value #READ_SAMPLES}. */
  private double rawRead(String mode, Report report) {
    RawRead.Result best = null;
    HeapMeter.Use bestHeap = null;
    CpuMeter.Use bestCpu = null;
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < READ_SAMPLES; i++) {
      System.gc();
      heap.start();
      PhaseEvent event = new PhaseEvent(mode, "raw read");
      event.begin();
      cpu.start();
      RawRead.Result r = reader.read(mode);
      CpuMeter.Use cpuUse = cpu.stop();
      event.commit();
      HeapMeter.Use use = heap.stop();
      samples.add(r.seconds());
      if (best == null || r.seconds() < best.seconds()) {
        best = r;
        bestHeap = use;
        bestCpu = cpuUse;
      }
    }
    report.add(Phase.reference(mode, "raw read", best.seconds(), bestHeap, bestCpu, String.format(
        Locale.ROOT, "best of %s s: %,d entries, %,d values; groups %s, users %s; paged %d,"
            + " synchronous mode", seconds(samples), best.entries(), best.values(),
        RawRead.groupAttributes(mode), RawRead.userAttributes(mode), RawRead.PAGE)));
    return best.seconds();
  }

  /** CPUs the rest of the machine keeps busy while this JVM sleeps for a second; 0 if unknown. */
  private double backgroundCores() {
    cpu.start();
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double others = cpu.stop().others();
    return Double.isNaN(others) ? 0 : others;
  }

  private static String seconds(List<Double> samples) {
    return samples.stream().map(s -> String.format(Locale.ROOT, "%.2f", s))
        .collect(Collectors.joining(" / "));
  }

  private Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version() + ", -Xmx "
        + Math.round(HeapMeter.maxHeapMb()) + " MB, "
        + ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
    env.put("cpus", Runtime.getRuntime().availableProcessors());
    env.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    env.put("maxHeapMb", Math.round(HeapMeter.maxHeapMb()));
    env.put("postgres", postgresVersion());
    env.put("slapd", System.getProperty("bench.slapdVersion", ""));
    env.put("ldapUrl", settings.ldapUrl());
    return env;
  }

  private String postgresVersion() {
    try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach PostgreSQL: " + e.getMessage(), e);
    }
  }
}
