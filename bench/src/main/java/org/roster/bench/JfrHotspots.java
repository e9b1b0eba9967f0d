package org.roster.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the benchmark's sync phases spent their time, from a flight recording made with {@code
 * BENCH_JFR=1}: the samples of the thread that ran each phase ({@link PhaseEvent}), Java samples
 * (jdk.ExecutionSample, every 10 ms with the profile settings) and samples in native code such as
 * socket reads (jdk.NativeMethodSample, every 20 ms), weighted by their period. For each phase it
 * prints the innermost Roster method on the stack (library time charged to its Roster caller),
 * the Roster methods on the stack (inclusive), and the top frames (self).
 *
 * <pre>java -cp bench/target/roster-bench.jar org.roster.bench.JfrHotspots FILE.jfr [rows]</pre>
 */
public final class JfrHotspots {
  private static final long JAVA_WEIGHT = 10;
  private static final long NATIVE_WEIGHT = 20;

  private record Window(String name, String thread, Instant start, Instant end) {}

  private record Sample(String thread, Instant time, List<String> frames, long weight) {}

  private JfrHotspots() {}

  public static void main(String[] args) throws IOException {
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<Window> windows = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    for (RecordedEvent e : events) {
      String type = e.getEventType().getName();
      if (type.equals("org.roster.bench.Phase")) {
        windows.add(new Window(e.getString("membership") + " " + e.getString("phase"),
            e.getThread().getJavaName(), e.getStartTime(), e.getEndTime()));
      } else if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
        samples.add(new Sample(e.getThread("sampledThread").getJavaName(), e.getStartTime(),
            frames(e.getStackTrace()), type.equals("jdk.ExecutionSample") ? JAVA_WEIGHT : NATIVE_WEIGHT));
      }
    }
    for (Window w : windows) {
      List<Sample> in = samples.stream().filter(s -> s.thread().equals(w.thread())
          && !s.time().isBefore(w.start()) && !s.time().isAfter(w.end())).toList();
      print(w, in, rows);
    }
  }

  private static void print(Window w, List<Sample> in, int rows) {
    long total = in.stream().mapToLong(Sample::weight).sum();
    double seconds = (w.end().toEpochMilli() - w.start().toEpochMilli()) / 1000.0;
    System.out.printf(Locale.ROOT, "%n== %s: %.2f s, %d ms sampled on thread %s%n", w.name(),
        seconds, total, w.thread());
    if (total == 0) {
      return;
    }
    Map<String, Long> calls = new HashMap<>();
    Map<String, Map<String, Long>> cpuUnder = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> self = new HashMap<>();
    for (Sample s : in) {
      List<String> roster = s.frames().stream().filter(JfrHotspots::meaningful).toList();
      String top = s.frames().isEmpty() ? "(no stack)" : s.frames().get(0);
      String where = roster.isEmpty() ? "(no Roster frame)"
          : roster.size() == 1 ? roster.get(0) : roster.get(1) + " > " + roster.get(0);
      calls.merge(where + "  [" + (waiting(top) ? "waiting on socket" : "cpu") + "]",
          s.weight(), Long::sum);
      if (!waiting(top) && !roster.isEmpty()) {
        cpuUnder.computeIfAbsent(roster.get(0), k -> new HashMap<>())
            .merge(top, s.weight(), Long::sum);
      }
      self.merge(top, s.weight(), Long::sum);
      Set<String> seen = new HashSet<>();
      for (String f : roster) {
        if (seen.add(f)) {
          inclusive.merge(f, s.weight(), Long::sum);
        }
      }
    }
    inclusive.values().removeIf(v -> v * 100 >= total * 95);
    table("innermost Roster calls (caller > callee), socket wait or cpu", calls, total, rows);
    table("Roster methods on the stack, inclusive (those under 95 %)", inclusive, total, rows);
    table("self (top frame)", self, total, rows);
    System.out.println("-- cpu: the top frames under the busiest innermost Roster methods");
    cpuUnder.entrySet().stream()
        .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
        .limit(8)
        .forEach(e -> {
          System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * sum(e.getValue()) / total,
              e.getKey());
          e.getValue().entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
              .limit(4)
              .forEach(f -> System.out.printf(Locale.ROOT, "           %5.1f %%  %s%n",
                  100.0 * f.getValue() / total, f.getKey()));
        });
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void table(String title, Map<String, Long> counts, long total, int rows) {
    System.out.println("-- " + title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(rows)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n",
            100.0 * e.getValue() / total, e.getKey()));
  }

  /**
   * A Roster frame that says what the engine was doing: not the benchmark's, not a lambda, not the
   * store's plumbing (Sql, Jdbc, MicronautTransactions).
   */
  private static boolean meaningful(String frame) {
    return frame.startsWith("org.roster.") && !frame.startsWith("org.roster.bench.")
        && !frame.contains("lambda$") && !frame.contains("$$Lambda")
        && !frame.startsWith("org.roster.store.Sql.") && !frame.startsWith("org.roster.store.Jdbc.")
        && !frame.startsWith("org.roster.store.MicronautTransactions.");
  }

  /** The thread waits for the peer (PostgreSQL, slapd) rather than computing. */
  private static boolean waiting(String top) {
    return top.startsWith("sun.nio.ch.") || top.startsWith("java.net.");
  }

  private static List<String> frames(RecordedStackTrace trace) {
    List<String> out = new ArrayList<>();
    if (trace == null) {
      return out;
    }
    for (RecordedFrame f : trace.getFrames()) {
      if (f.isJavaFrame()) {
        out.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
      }
    }
    return out;
  }
}
