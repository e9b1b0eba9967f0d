package org.roster.connector.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The periodic full reconcile of a source whose increments cannot see everything (OpenLDAP's
 * deletions, Okta users deleted outright): an increment whose token's full run is older than the
 * period asks for a full sync instead.
 */
public final class FullReconcile {
  private FullReconcile() {}

  /**
   * @param lastFullRun when the full sync the token descends from started
   * @param period the setting {@code fullReconcileHours}; zero: never
   * @throws FullSyncRequiredException when the full reconcile is due
   */
  public static void requireNotDue(Instant lastFullRun, Duration period, Instant now) {
    if (!period.isZero() && lastFullRun.plus(period).isBefore(now)) {
      throw new FullSyncRequiredException("full reconcile due: the last full sync started at "
          + lastFullRun + ", more than " + period.toHours() + " hours ago (fullReconcileHours)");
    }
  }
}
