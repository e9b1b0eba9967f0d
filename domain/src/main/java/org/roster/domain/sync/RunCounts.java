package org.roster.domain.sync;

import java.util.EnumMap;
import java.util.Map;

/** Counts of a run's outcomes, and entries read. Mutable while the run goes, copied when stored. */
public final class RunCounts {
  private final EnumMap<EntryOutcome, Integer> counts = new EnumMap<>(EntryOutcome.class);
  private long read;

  public static RunCounts of(Map<EntryOutcome, Integer> values, long read) {
    RunCounts c = new RunCounts();
    c.counts.putAll(values);
    c.read = read;
    return c;
  }

  public void add(EntryOutcome outcome) {
    counts.merge(outcome, 1, Integer::sum);
  }

  public void read() {
    read++;
  }

  public long entriesRead() {
    return read;
  }

  public int get(EntryOutcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** Deactivations and deletions: what the deletion threshold counts. */
  public int destructive() {
    return get(EntryOutcome.DISABLED) + get(EntryOutcome.DELETED);
  }

  public Map<EntryOutcome, Integer> asMap() {
    return Map.copyOf(counts);
  }

  public RunCounts copy() {
    return of(counts, read);
  }

  /** The one-line summary DESIGN rule 14 asks for. */
  public String summary() {
    return get(EntryOutcome.CREATED) + " imported, "
        + (get(EntryOutcome.UPDATED) + get(EntryOutcome.REACTIVATED)) + " updated, "
        + get(EntryOutcome.DISABLED) + " disabled, "
        + get(EntryOutcome.DELETED) + " deleted, "
        + get(EntryOutcome.BLOCKED) + " blocked, "
        + get(EntryOutcome.RELEASED) + " released, "
        + get(EntryOutcome.CONFLICT) + " conflicts, "
        + get(EntryOutcome.FAILED) + " failed";
  }

  @Override
  public String toString() {
    return summary();
  }
}
