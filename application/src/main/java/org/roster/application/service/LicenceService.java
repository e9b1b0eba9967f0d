package org.roster.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.LicenceOverview;
import org.roster.application.port.in.ManageLicencesUseCase;
import org.roster.application.port.in.SeatReleaseResult;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.LicenceStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserQuery;
import org.roster.application.port.out.UserStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.licence.LicencePool;

/** The licence pool for admins; a release reuses the engine's {@link SeatRelease}. */
public final class LicenceService implements ManageLicencesUseCase {
  private static final UserQuery BLOCKED = new UserQuery(null, UserStatus.BLOCKED, null);

  private final Transactions tx;
  private final LicenceStore licences;
  private final UserStore users;
  private final RoleStore roles;
  private final AuditStore auditStore;
  private final AdminAudit audit;
  private final Clock clock;

  public LicenceService(Transactions tx, LicenceStore licences, UserStore users, RoleStore roles,
      AuditStore audit, Clock clock) {
    this.tx = tx;
    this.licences = licences;
    this.users = users;
    this.roles = roles;
    this.auditStore = audit;
    this.audit = new AdminAudit(audit, clock);
    this.clock = clock;
  }

  @Override
  public LicenceOverview overview() {
    return new LicenceOverview(licences.pool(), users.search(BLOCKED, PageRequest.first(1)).total());
  }

  @Override
  public LicenceOverview setLimit(Integer limit, String actor) {
    if (limit != null && limit < 0) {
      throw new InvalidRequestException("limit", "'limit' must not be negative (null: unlimited)");
    }
    return tx.inTransaction(t -> {
      LicencePool before = licences.lockPool();
      if (java.util.Objects.equals(before.limit(), limit)) {
        return overview();
      }
      licences.setLimit(java.util.Optional.ofNullable(limit));
      LicenceOverview after = overview();
      LicencePool pool = after.pool();
      audit.record(actor, AuditCategory.SEAT, "licence limit changed", null, "licence pool",
          Map.of("limit", text(before.limit())), Map.of("limit", text(limit)),
          pool.overLimit()
              ? pool.used() + " seats are held, over the new limit: they stay, and no seat is"
                  + " handed out until enough are freed"
              : pool.used() + " seats held, " + (limit == null ? "no limit" : pool.free() + " free")
                  + "; " + after.blocked() + " users blocked (POST /licences/release activates them)");
      return after;
    });
  }

  @Override
  public Page<User> blocked(PageRequest page) {
    return users.blocked(page);
  }

  @Override
  public SeatReleaseResult release(String actor) {
    return tx.inTransaction(t -> {
      RunContext ctx = RunContext.forAdmin(actor, clock, licences.lockPool(), auditStore);
      List<User> released = new SeatRelease(ctx, users, roles).releaseWhileSeatsFree();
      ctx.flushAudit();
      LicenceOverview after = overview();
      LicencePool pool = after.pool();
      audit.record(actor, AuditCategory.SEAT, "seats released", null, "licence pool", Map.of(),
          Map.of("released", String.valueOf(released.size())),
          released.size() + " blocked users activated first-come; " + pool.used() + " seats held"
              + (pool.limit() == null ? "" : " of " + pool.limit()) + ", " + after.blocked()
              + " still blocked");
      return new SeatReleaseResult(released, after);
    });
  }

  private static String text(Integer limit) {
    return limit == null ? "unlimited" : limit.toString();
  }
}
