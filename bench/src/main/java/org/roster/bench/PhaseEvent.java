package org.roster.bench;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** Marks a measured phase in a flight recording, so that samples can be told apart by phase. */
@Name("org.roster.bench.Phase")
@Label("Benchmark phase")
@Category("Roster")
final class PhaseEvent extends Event {
  @Label("Membership")
  String membership;

  @Label("Phase")
  String phase;

  PhaseEvent(String membership, String phase) {
    this.membership = membership;
    this.phase = phase;
  }
}
