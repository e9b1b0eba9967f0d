package org.roster.application.port.out;

import java.util.Optional;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.SyncRun;

/**
 * Told when a run has ended and its record and audit events are written: metrics, notifications.
 * Called on the run's thread; an observer returns promptly (slow work goes to its own thread) and
 * never throws — a failing observer must not change what the run did.
 */
public interface RunObserver {
  /**
   * @param run the run as recorded: SUCCEEDED, FAILED, CANCELLED, ABORTED, or NEEDS_CONFIRMATION
   *     when the deletion threshold tripped
   * @param poolOverLimit the licence pool when the run left it over its limit
   */
  void ended(Profile profile, SyncRun run, Optional<LicencePool> poolOverLimit);
}
