package org.roster.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When each profile's next scheduled run is due, shared by every node on the database. A due slot
 * is moved on with a compare-and-set ({@link #claim}), so that of several nodes polling at once
 * exactly one starts the run. Joins the caller's transaction; without one each call commits on its
 * own before it returns.
 */
public interface ScheduleStore {

  /**
   * Sets when the profile's next scheduled run is due, or clears it ({@code nextRunAt} null: it
   * does not run by itself). The record of its last scheduled run stays.
   */
  void plan(UUID profileId, Instant nextRunAt);

  /** The profile's slot; {@link ScheduleSlot#none} when it was never planned. */
  ScheduleSlot find(UUID profileId);

  /** Every planned slot, in no particular order. */
  List<ScheduleSlot> all();

  /** The slots due at or before {@code now}, earliest first. */
  List<ScheduleSlot> due(Instant now);

  /**
   * Moves a due slot on to {@code next}, only when it is still due at {@code due} (the value read
   * from {@link #due}). Atomic across nodes: of callers racing for the same slot exactly one wins,
   * and only the winner starts the run.
   *
   * @param next when the run after it is due; null ends the schedule
   * @return true when this caller moved the slot
   */
  boolean claim(UUID profileId, Instant due, Instant next);

  /** Records the scheduled run a claimed slot started. */
  void started(UUID profileId, UUID runId, Instant at);

  /** Forgets the profile's slot (the profile was deleted). */
  void forget(UUID profileId);
}
