package org.roster.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.UserStore;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryOutcome;

/**
 * DESIGN rule 11: activates BLOCKED users first-come first-served while seats are free. A user
 * is BLOCKED only while its source still has it in scope (a run that finds it disabled or gone
 * moves it out of BLOCKED), so the queue holds exactly the users waiting for a seat.
 */
final class SeatRelease {
  private final RunContext ctx;
  private final UserStore users;
  private final UserWriter writer;

  SeatRelease(RunContext ctx, UserStore users, RoleStore roles) {
    this.ctx = ctx;
    this.users = users;
    this.writer = new UserWriter(ctx, users, roles);
  }

  /** @return the users released, first-come first */
  List<User> releaseWhileSeatsFree() {
    List<User> released = new ArrayList<>();
    while (ctx.pool.hasFreeSeat()) {
      int want = Math.min(ctx.pool.free(), UserPhase.BATCH);
      List<User> queue = users.blockedQueue(want);
      if (queue.isEmpty()) {
        break;
      }
      List<UserChange> changes = new ArrayList<>();
      for (User u : queue) {
        User after = Seats.settle(ctx, u, UserStatus.ACTIVE, null, true);
        UserChange c = new UserChange(u, after, Set.of(), Set.of());
        c.field("status", u.status().name(), after.status().name());
        c.field("seat", "none", "held");
        c.outcome = EntryOutcome.RELEASED;
        c.detail = "a licence seat became free";
        ctx.userOutcome(EntryOutcome.RELEASED, u.externalId(), u.login(), u.location(), c.detail);
        changes.add(c);
        released.add(after);
      }
      writer.write(changes);
      if (queue.size() < want) {
        break;
      }
    }
    return released;
  }
}
