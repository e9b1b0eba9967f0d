package org.roster.domain.licence;

import org.roster.domain.Require;

/**
 * The pool of licence seats: each active synced user of a profile that grants licences holds one.
 *
 * @param limit the number of seats; null when unlimited
 * @param used seats held now
 */
public record LicencePool(Integer limit, int used) {

  public LicencePool {
    Require.notNegative(used, "used");
    if (limit != null) {
      Require.notNegative(limit, "limit");
    }
  }

  public static LicencePool unlimited(int used) {
    return new LicencePool(null, used);
  }

  public boolean hasFreeSeat() {
    return limit == null || used < limit;
  }

  public int free() {
    return limit == null ? Integer.MAX_VALUE : Math.max(0, limit - used);
  }

  /** More seats are held than the limit allows (the limit was lowered): admins are notified. */
  public boolean overLimit() {
    return limit != null && used > limit;
  }

  /** The pool after one seat is taken; call only when {@link #hasFreeSeat()}. */
  public LicencePool take() {
    if (!hasFreeSeat()) {
      throw new IllegalStateException("no free seat (" + used + " of " + limit + " used)");
    }
    return new LicencePool(limit, used + 1);
  }

  /**
   * The pool after a user who is already active keeps access with a seat even when none is free
   * (the limit was lowered): the pool may go over its limit, and admins are told.
   */
  public LicencePool hold() {
    return new LicencePool(limit, used + 1);
  }

  public LicencePool release() {
    return new LicencePool(limit, Math.max(0, used - 1));
  }
}
