package org.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The phases of one benchmark run: a table on the console, JSON lines in the results folder. */
final class Report {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private static final int BREAKDOWN_ROWS = 14;

  private final BenchSettings settings;
  private final Instant started = Instant.now();
  private final Map<String, Object> environment;
  private final List<Phase> phases = new ArrayList<>();

  Report(BenchSettings settings, Map<String, Object> environment) {
    this.settings = settings;
    this.environment = new LinkedHashMap<>(environment);
  }

  void add(Phase phase) {
    phases.add(phase);
    System.out.printf(Locale.ROOT, "  %-8s %-22s %8.2f s  %s%n", phase.mode(), phase.name(),
        phase.seconds(), phase.verdict());
  }

  /** DESIGN.md: the 100,000-user run fits in {@code -Xmx256m}. */
  static final double HEAP_LIMIT_MB = 256;

  boolean allPass() {
    return phases.stream().allMatch(p -> p.pass() == null || p.pass()) && heapPass();
  }

  /** The largest heap peak of the sync phases (those with a bar). */
  double syncHeapPeakMb() {
    return phases.stream().filter(p -> p.pass() != null).mapToDouble(p -> p.heap().peakMb())
        .max().orElse(0);
  }

  /** The sync phases peaked within the limit, in a JVM that could not have used more. */
  boolean heapPass() {
    return syncHeapPeakMb() <= HEAP_LIMIT_MB && HeapMeter.maxHeapMb() <= HEAP_LIMIT_MB;
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "%nRoster benchmark: %,d users / %,d groups, OpenLDAP -> PostgreSQL, %s,"
        + " %s CPUs (%s busy with other work at the start); sync phases: median of %d round(s),"
        + " raw phases: best of several%n",
        settings.users(), settings.groups(), environment.get("jvm"), environment.get("cpus"),
        environment.get("backgroundCores"), settings.rounds());
    String line = "-".repeat(150);
    out.println(line);
    out.printf(Locale.ROOT, "%-8s | %-20s | %8s | %6s | %-34s | %-4s | %9s | %8s | %s%n",
        "members", "phase", "seconds", "ratio", "target", "", "peak heap", "after GC",
        "cpu s: JVM / others / steal");
    out.println(line);
    for (Phase p : phases) {
      out.printf(Locale.ROOT,
          "%-8s | %-20s | %8.2f | %6s | %-34s | %-4s | %6.0f MB | %5.0f MB | %5.2f / %5.2f / %4.2f%n",
          p.mode(), p.name(), p.seconds(), Double.isNaN(p.ratio()) ? "" : String.format(Locale.ROOT,
              "%.3f", p.ratio()), p.target(), p.verdict(), p.heap().peakMb(), p.heap().liveMb(),
          p.cpu().jvm(), p.cpu().others(), p.cpu().steal());
    }
    out.printf(Locale.ROOT, "%-8s | %-20s | %8s | %6s | %-34s | %-4s | %6.0f MB |%n", "all",
        "heap of sync phases", "", "", String.format(Locale.ROOT, "≤ %.0f MB (JVM -Xmx %.0f MB)",
            HEAP_LIMIT_MB, HeapMeter.maxHeapMb()), heapPass() ? "PASS" : "FAIL", syncHeapPeakMb());
    out.println(line);
    for (Phase p : phases) {
      out.printf("%-8s %-20s %s%n", p.mode(), p.name(), p.detail());
    }
    for (Phase p : phases) {
      if (!p.calls().isEmpty()) {
        out.printf(Locale.ROOT, "%nWhere the time of '%s %s' (%.2f s) went, own time by call:%n",
            p.mode(), p.name(), p.seconds());
        p.calls().stream().limit(BREAKDOWN_ROWS).forEach(c -> out.printf(Locale.ROOT,
            "  %6.3f s  %5.1f %%  %8d calls  %s%n", c.ownNanos() / 1e9,
            100.0 * c.ownNanos() / 1e9 / p.seconds(), c.calls(), c.name()));
      }
    }
    out.printf("%nOverall: %s%n", allPass() ? "PASS" : "FAIL");
  }

  /** Writes {@code <results>/<timestamp>.json}: one JSON object per line, the run first. */
  Path write() throws IOException {
    Files.createDirectories(settings.results());
    Path file = settings.results().resolve(FILE_TIME.format(started) + ".json");
    StringBuilder b = new StringBuilder();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("record", "run");
    run.put("started", started.toString());
    run.put("users", settings.users());
    run.put("groups", settings.groups());
    run.put("modes", settings.modes());
    run.put("rounds", settings.rounds());
    run.put("breakdown", settings.breakdown());
    run.putAll(environment);
    run.put("heapPeakMb", round(syncHeapPeakMb()));
    run.put("heapLimitMb", HEAP_LIMIT_MB);
    run.put("heapPass", heapPass());
    run.put("pass", allPass());
    b.append(Json.object(run)).append('\n');
    for (Phase p : phases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("record", "phase");
      m.put("membership", p.mode());
      m.put("phase", p.name());
      m.put("seconds", round(p.seconds()));
      m.put("ratio", Double.isNaN(p.ratio()) ? null : round(p.ratio()));
      m.put("target", p.target());
      m.put("pass", p.pass());
      m.put("heapPeakMb", round(p.heap().peakMb()));
      m.put("heapAfterGcMb", round(p.heap().liveMb()));
      m.put("heapPoolPeaksMb", round(p.heap().poolPeaksMb()));
      m.put("gcCount", p.heap().collections());
      m.put("gcMillis", p.heap().gcMillis());
      m.put("cpuJvmSeconds", round(p.cpu().jvm()));
      m.put("cpuOthersSeconds", Double.isNaN(p.cpu().others()) ? null : round(p.cpu().others()));
      m.put("cpuStealSeconds", Double.isNaN(p.cpu().steal()) ? null : round(p.cpu().steal()));
      m.put("detail", p.detail());
      b.append(Json.object(m)).append('\n');
      for (CallTimes.Total c : p.calls()) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("record", "call");
        call.put("membership", p.mode());
        call.put("phase", p.name());
        call.put("call", c.name());
        call.put("calls", c.calls());
        call.put("seconds", round(c.nanos() / 1e9));
        call.put("ownSeconds", round(c.ownNanos() / 1e9));
        b.append(Json.object(call)).append('\n');
      }
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
