package org.roster.bench;

import java.util.List;
import java.util.Locale;

/**
 * One measured phase as the report shows it.
 *
 * @param mode the membership setting it ran with ({@code memberOf}, {@code member}), or "-" for a
 *     phase that does not depend on it
 * @param name what was measured ("full sync", ...)
 * @param seconds wall-clock time
 * @param ratio the time over its reference (see {@code target}); NaN for a reference itself
 * @param target the bar, e.g. "≤ 2.00 × (raw read + raw insert)"; empty for a reference
 * @param pass true when the bar (and every check in {@code detail}) holds; null: no bar
 * @param heap what the phase used of the heap
 * @param cpu whose CPU the phase used
 * @param detail counts and checks, one line
 * @param calls where a sync phase's time went, by port call (empty for a reference)
 */
record Phase(String mode, String name, double seconds, double ratio, String target, Boolean pass,
    HeapMeter.Use heap, CpuMeter.Use cpu, String detail, List<CallTimes.Total> calls) {

  /** A reference measurement: no ratio, no bar. */
  static Phase reference(String mode, String name, double seconds, HeapMeter.Use heap,
      CpuMeter.Use cpu, String detail) {
    return new Phase(mode, name, seconds, Double.NaN, "", null, heap, cpu, detail,
        List.of());
  }

  /** A measurement against a bar: {@code ratio ≤ limit} and the other checks. */
  static Phase measured(String mode, String name, double seconds, double reference, double limit,
      String of, boolean checksHold, HeapMeter.Use heap, CpuMeter.Use cpu, String detail,
      List<CallTimes.Total> calls) {
    double ratio = seconds / reference;
    String target = String.format(Locale.ROOT, "≤ %.2f × %s", limit, of);
    return new Phase(mode, name, seconds, ratio, target, ratio <= limit && checksHold, heap, cpu,
        detail, calls);
  }

  String verdict() {
    return pass == null ? "" : pass ? "PASS" : "FAIL";
  }
}
