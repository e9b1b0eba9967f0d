package org.roster;

import java.time.Duration;

/**
 * How runs are timed across the nodes sharing a database.
 *
 * @param lease {@code roster.runs.lease} (default 60 s): how long a run's claim on its profile
 *     lasts without renewal; a node that stops renewing (it died) loses its runs to another node
 *     this long after its last renewal. Renewed every quarter of it.
 * @param poll {@code roster.runs.poll} (default 2 s): how often each node looks for due scheduled
 *     runs and for runs of dead nodes to take over
 */
public record RunTimings(Duration lease, Duration poll) {
  /** Renewals are this far apart, a quarter of the lease: three may fail before it expires. */
  private static final int RENEWALS_PER_LEASE = 4;

  public RunTimings {
    if (lease == null || lease.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException("'roster.runs.lease' must be at least 2s, not " + lease);
    }
    if (poll == null || poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("'roster.runs.poll' must be positive, not " + poll);
    }
  }

  /** How often a node renews the leases of its runs. */
  public Duration renewal() {
    return lease.dividedBy(RENEWALS_PER_LEASE);
  }
}
