package org.roster.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whose CPU a phase used: this JVM's (all its threads: the run, GC, JIT) and the rest of the
 * machine's (slapd and PostgreSQL, and whatever else runs), from {@code /proc/stat}; and the time
 * the hypervisor took away (steal). Without {@code /proc/stat} only the JVM's is known.
 */
final class CpuMeter {
  private static final Path STAT = Path.of("/proc/stat");
  /** Linux reports /proc/stat in USER_HZ ticks: 100 a second on every common platform. */
  private static final double TICK = 0.01;

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long jvmStart;
  private long[] machineStart;

  /**
   * CPU seconds of one phase; {@code others} and {@code steal} are NaN without /proc/stat.
   *
   * @param jvm this JVM's CPU seconds
   * @param others every other process's CPU seconds
   * @param steal seconds the hypervisor ran someone else instead of this machine
   */
  record Use(double jvm, double others, double steal) {}

  void start() {
    jvmStart = os.getProcessCpuTime();
    machineStart = machine();
  }

  Use stop() {
    double jvm = (os.getProcessCpuTime() - jvmStart) / 1e9;
    long[] now = machine();
    if (now == null || machineStart == null) {
      return new Use(jvm, Double.NaN, Double.NaN);
    }
    // cpu user nice system idle iowait irq softirq steal ...
    long busy = 0;
    for (int i : new int[] {0, 1, 2, 5, 6}) {
      busy += now[i] - machineStart[i];
    }
    double steal = (now[7] - machineStart[7]) * TICK;
    return new Use(jvm, Math.max(0, busy * TICK - jvm), steal);
  }

  private static long[] machine() {
    try {
      String first = Files.readAllLines(STAT).get(0);
      return Arrays.stream(first.substring(3).trim().split("\\s+")).mapToLong(Long::parseLong)
          .toArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
