package org.roster.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.ImportStore;
import org.roster.application.port.out.KnownUser;
import org.roster.application.port.out.LicenceStore;
import org.roster.application.port.out.ProfileState;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.RunStore;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserStore;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/**
 * Applies one run of a profile in a single transaction: groups, then users as a stream, then —
 * after a complete read only — deletions and seat release (an IMPORT run: {@link
 * SelectiveImport}). The deletion threshold and dry run
 * roll the whole transaction back, so nothing of such a run is applied; a source that fails
 * mid-read throws out of the transaction, which rolls back too.
 */
public final class SyncEngine {
  private final Transactions tx;
  private final Stores stores;
  private final Clock clock;

  /** The stores the engine writes to. */
  public record Stores(UserStore users, GroupStore groups, RoleStore roles, LicenceStore licences,
      ExclusionStore exclusions, ProfileStore profiles, AuditStore audit, RunStore runs,
      ImportStore imports) {}

  public SyncEngine(Transactions tx, Stores stores, Clock clock) {
    this.tx = tx;
    this.stores = stores;
    this.clock = clock;
  }

  /**
   * Runs the profile's sync on the calling thread.
   *
   * @param progress called now and then with the live counts (on this thread)
   * @throws org.roster.connector.api.ConnectorException when the source fails; nothing applied
   */
  RunResult execute(SyncRun run, org.roster.domain.sync.Profile profile, DirectorySource source,
      java.util.function.Consumer<org.roster.domain.sync.RunCounts> progress) {
    return execute(run, profile, source, progress, () -> {});
  }

  /**
   * As {@link #execute(SyncRun, org.roster.domain.sync.Profile, DirectorySource,
   * java.util.function.Consumer)}, with a check made inside the run's transaction just before it
   * commits what it applied (the lease: {@link LeaseLostException}); when it throws, the
   * transaction rolls back.
   */
  RunResult execute(SyncRun run, org.roster.domain.sync.Profile profile, DirectorySource source,
      java.util.function.Consumer<org.roster.domain.sync.RunCounts> progress, Runnable beforeCommit) {
    if (run.trigger() == org.roster.domain.sync.RunTrigger.IMPORT) {
      return new SelectiveImport(tx, stores, clock).execute(run, profile, source, progress, beforeCommit);
    }
    try {
      return execute(run, profile, source, progress, beforeCommit, true);
    } catch (org.roster.connector.api.FullSyncRequiredException e) {
      // an expired watermark: read everything instead (the failed attempt rolled back)
      RunResult full = execute(run, profile, source, progress, beforeCommit, false);
      return new RunResult(full.status(), full.counts(),
          join("ran a full sync: " + e.getMessage(), full.message()), full.applied(), full.pool());
    }
  }

  private static String join(String a, String b) {
    return b == null ? a : a + "; " + b;
  }

  private RunResult execute(SyncRun run, org.roster.domain.sync.Profile profile, DirectorySource source,
      java.util.function.Consumer<org.roster.domain.sync.RunCounts> progress, Runnable beforeCommit,
      boolean allowIncremental) {
    ProfileState state = stores.profiles().state(profile.id());
    IncrementalSource inc = allowIncremental && run.mode() == RunMode.INCREMENTAL && source instanceof IncrementalSource i
        && state.syncToken() != null ? i : null;
    boolean full = inc == null;
    return tx.inTransaction(t -> {
      RunContext ctx = new RunContext(run, profile, clock, full, stores.exclusions().load(),
          profile.policy().grantLicences() ? stores.licences().lockPool() : stores.licences().pool(),
          stores.runs(), stores.audit());
      progress.accept(ctx.counts);
      // what the profile knows, to skip unchanged entries and find the ones gone from the source
      KnownUsers known = full ? KnownUsers.loadInBackground(tx, stores.users(), profile.id()) : null;
      SyncToken startToken = full && source instanceof IncrementalSource i ? i.currentToken() : null;
      SyncToken endToken = full ? startToken : null;
      List<SourceGroup> groups = new ArrayList<>();
      Set<String> deletedGroups = new HashSet<>();
      Set<String> deletedUsers = new HashSet<>();
      Collector groupSink = new Collector(e -> groups.add((SourceGroup) e),
          r -> ctx.report("GROUP", r.externalId().orElse(null), null, r.location(),
              org.roster.domain.sync.EntryOutcome.FAILED, r.reason()), deletedGroups);
      if (full) {
        source.readAll(EntryKind.GROUP, groupSink);
      } else {
        endToken = inc.readChanges(EntryKind.GROUP, new SyncToken(state.syncToken()), groupSink);
      }
      List<Group> live = new GroupPhase(stores.groups(), stores.roles()).apply(ctx, groups, deletedGroups);
      List<Role> roles = stores.roles().all();
      ctx.groups = new GroupIndex(live, roles, profile.policy());
      String fingerprint = ProfileFingerprint.of(profile, live, roles, ctx.exclusions);
      ctx.reevaluateAll = !fingerprint.equals(state.fingerprint());
      if (!full && ctx.reevaluateAll) {
        // nesting, bindings or rules changed: users the increment does not read need it too
        throw new org.roster.connector.api.FullSyncRequiredException(
            "the groups' nesting, the role bindings or the profile's rules changed");
      }
      UserPhase users = new UserPhase(ctx, stores.users(), stores.roles(), known);
      Collector userSink = new Collector(e -> users.accept((SourceUser) e), users::reject, deletedUsers);
      userSink.progress = () -> progress.accept(ctx.counts);
      if (full) {
        source.readAll(EntryKind.USER, userSink);
      } else {
        endToken = inc.readChanges(EntryKind.USER, new SyncToken(state.syncToken()), userSink);
      }
      users.flush();
      if (!full && !groupSink.members.isEmpty()) {
        List<String> moved = new MovedMembers(stores.users(), ctx.groups).find(groupSink.members, users.readThisRun());
        if (!moved.isEmpty()) {
          inc.readUsers(moved, userSink);
          users.flush();
        }
      }
      DeletionPhase deletion = new DeletionPhase(ctx, stores.users(), stores.roles());
      if (full) {
        deletion.deleteUnseen();
      } else if (!deletedUsers.isEmpty()) {
        deletion.delete(stores.users().findByExternalIds(profile.id(), deletedUsers).stream()
            .map(org.roster.domain.identity.User::id).toList(), "deleted in the source");
      }
      if (profile.policy().grantLicences()) {
        new SeatRelease(ctx, stores.users(), stores.roles()).releaseWhileSeatsFree();
      }
      stores.profiles().saveState(new ProfileState(profile.id(),
          endToken == null ? state.syncToken() : endToken.value(), fingerprint,
          full ? ctx.now() : state.lastFullRunAt()));
      ctx.flushAudit();
      ctx.flushReport();
      progress.accept(ctx.counts);
      RunResult result = verdict(t, ctx, run);
      if (result.applied()) {
        beforeCommit.run();
      }
      return result;
    });
  }

  private RunResult verdict(Transactions.Tx t, RunContext ctx, SyncRun run) {
    int destructive = ctx.counts.destructive();
    if (!ctx.full && destructive > 0) {
      // only a run that takes users away needs the count it is measured against
      ctx.liveUsersAtStart = stores.users().countLive(ctx.profile.id()) - ctx.liveDelta;
    }
    int limit = ctx.profile.policy().threshold().limitFor(ctx.liveUsersAtStart);
    boolean confirmed = run.confirmedDestructive() != null && destructive <= run.confirmedDestructive();
    boolean tripped = ctx.profile.policy().threshold().trippedBy(destructive, ctx.liveUsersAtStart);
    String trip = "would disable or delete " + destructive + " of " + ctx.liveUsersAtStart
        + " users; the threshold is " + limit + " (" + ctx.profile.policy().threshold().percent()
        + " % or " + ctx.profile.policy().threshold().absolute() + ", whichever is smaller)";
    if (run.mode() == RunMode.DRY_RUN) {
      t.setRollbackOnly();
      return new RunResult(RunStatus.SUCCEEDED, ctx.counts, tripped ? "dry run: " + trip : null, false, null);
    }
    if (tripped && !confirmed) {
      t.setRollbackOnly();
      return new RunResult(RunStatus.NEEDS_CONFIRMATION, ctx.counts,
          trip + ". Nothing was applied: confirm the run to apply it.", false, null);
    }
    return new RunResult(RunStatus.SUCCEEDED, ctx.counts, null, true, ctx.pool);
  }

  /** Adapts a phase to the connector's sinks; reports progress every few thousand entries. */
  private static final class Collector implements ChangeSink {
    private final java.util.function.Consumer<SourceEntry> accept;
    private final java.util.function.Consumer<RejectedEntry> reject;
    private final Set<String> deleted;
    /** Complete member lists of changed groups the source reported (incremental reads). */
    private final java.util.Map<String, Set<String>> members = new java.util.HashMap<>();
    private Runnable progress = () -> {};
    private long n;

    Collector(java.util.function.Consumer<SourceEntry> accept,
        java.util.function.Consumer<RejectedEntry> reject, Set<String> deleted) {
      this.accept = accept;
      this.reject = reject;
      this.deleted = deleted;
    }

    @Override
    public boolean accept(SourceEntry entry) {
      accept.accept(entry);
      tick();
      return true;
    }

    @Override
    public boolean reject(RejectedEntry rejected) {
      reject.accept(rejected);
      tick();
      return true;
    }

    @Override
    public boolean deleted(EntryKind kind, String externalId) {
      deleted.add(externalId);
      return true;
    }

    @Override
    public boolean members(String groupExternalId, Set<String> userExternalIds) {
      members.put(groupExternalId, Set.copyOf(userExternalIds));
      return true;
    }

    private void tick() {
      if (++n % 2000 == 0) {
        progress.run();
      }
    }
  }
}
