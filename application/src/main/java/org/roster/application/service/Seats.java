package org.roster.application.service;

import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;

/**
 * Puts a user into a status while keeping the licence pool right (DESIGN rule 11): an active user
 * of a licence-granting profile holds a seat; a user who becomes active when none is free is
 * BLOCKED instead; leaving ACTIVE frees the seat.
 */
final class Seats {
  private Seats() {}

  /**
   * @param user the user with its new source data, still in its old status
   * @param target the status the rules want
   * @param reason why INACTIVE, when target is INACTIVE
   * @param grantLicences whether the user's profile grants licences
   * @return the user in its final status, with or without a seat
   */
  static User settle(RunContext ctx, User user, UserStatus target, InactiveReason reason,
      boolean grantLicences) {
    java.time.Instant now = ctx.now();
    if (target == UserStatus.ACTIVE) {
      if (!grantLicences) {
        return free(ctx, user.withStatus(UserStatus.ACTIVE, null, now));
      }
      if (user.seat()) {
        return user.withStatus(UserStatus.ACTIVE, null, now);
      }
      boolean alreadyActive = user.status() == UserStatus.ACTIVE;
      if (alreadyActive || ctx.pool.hasFreeSeat()) {
        // an already active user keeps access even over the limit; admins are told the pool is over
        ctx.pool = ctx.pool.hasFreeSeat() ? ctx.pool.take() : ctx.pool.hold();
        return user.withStatus(UserStatus.ACTIVE, null, now).withSeat(true);
      }
      return user.withStatus(UserStatus.BLOCKED, null, now);
    }
    User moved = user.withStatus(target, reason, now);
    return free(ctx, moved);
  }

  private static User free(RunContext ctx, User user) {
    if (user.seat()) {
      ctx.pool = ctx.pool.release();
      return user.withSeat(false);
    }
    return user;
  }
}
