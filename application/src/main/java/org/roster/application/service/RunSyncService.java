package org.roster.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.in.RunSyncUseCase;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RunStore;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues runs, confirms and cancels them. A run claims its profile's lease in the database when
 * it is queued, so that only one run per profile happens at a time across every node sharing the
 * database; {@link RunExecution} carries it out in the background.
 */
public final class RunSyncService implements RunSyncUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(RunSyncService.class);

  private final ProfileStore profiles;
  private final RunStore runs;
  private final RunExecution execution;
  private final Executor executor;
  private final Clock clock;
  private final String node;
  private final Duration lease;
  /** Runs this node holds a lease for, to renew: run id → profile id. */
  private final Map<UUID, UUID> held = new ConcurrentHashMap<>();

  public RunSyncService(ProfileStore profiles, RunStore runs, RunExecution execution,
      Executor executor, Clock clock, String node, Duration lease) {
    this.profiles = profiles;
    this.runs = runs;
    this.execution = execution;
    this.executor = executor;
    this.clock = clock;
    this.node = node;
    this.lease = lease;
  }

  @Override
  public SyncRun request(RequestRunCommand command) {
    return request(command, null);
  }

  /** Queues a run reading a given source (a dropped file's path); null = the profile's default. */
  public SyncRun request(RequestRunCommand command, String source) {
    return request(command, source, run -> {});
  }

  /**
   * Queues a run, handing it to {@code beforeQueued} once it holds its profile's lease and before
   * it is recorded and started (an import saves its selection there). When that throws, the lease
   * is given back and nothing is queued.
   */
  public SyncRun request(RequestRunCommand command, String source,
      java.util.function.Consumer<SyncRun> beforeQueued) {
    Profile profile = profiles.find(command.profileId())
        .orElseThrow(() -> new NotFoundException("profile", command.profileId()));
    runs.pending(profile.id()).ifPresent(p -> {
      throw new ConflictException(p.status() == RunStatus.NEEDS_CONFIRMATION
          ? "run " + p.id() + " of profile '" + profile.name() + "' waits for confirmation; confirm or cancel it first"
          : "run " + p.id() + " of profile '" + profile.name() + "' is already " + p.status().name().toLowerCase());
    });
    SyncRun run = SyncRun.queued(UUID.randomUUID(), profile.id(), command.trigger(), command.mode(),
        source, command.actor(), clock.instant());
    claim(run, profile);
    try {
      beforeQueued.accept(run);
    } catch (RuntimeException e) {
      runs.release(profile.id(), run.id());
      throw e;
    }
    runs.create(run);
    start(run, profile);
    return run;
  }

  @Override
  public SyncRun confirm(UUID runId, String actor) {
    SyncRun run = runs.find(runId).orElseThrow(() -> new NotFoundException("run", runId));
    if (run.status() != RunStatus.NEEDS_CONFIRMATION) {
      throw new ConflictException("run " + runId + " is " + run.status() + ", not NEEDS_CONFIRMATION");
    }
    Profile profile = profiles.find(run.profileId())
        .orElseThrow(() -> new NotFoundException("profile", run.profileId()));
    SyncRun confirmed = run.confirmed(actor, run.counts().destructive());
    claim(confirmed, profile);
    runs.clearReport(runId);
    runs.update(confirmed);
    execution.audit(confirmed, actor, "run confirmed",
        "confirmed up to " + run.counts().destructive() + " deactivations and deletions");
    start(confirmed, profile);
    return confirmed;
  }

  @Override
  public SyncRun cancel(UUID runId, String actor) {
    SyncRun run = runs.find(runId).orElseThrow(() -> new NotFoundException("run", runId));
    if (run.status() != RunStatus.NEEDS_CONFIRMATION) {
      throw new ConflictException("run " + runId + " is " + run.status() + "; only a run waiting for confirmation can be cancelled");
    }
    Profile profile = profiles.find(run.profileId())
        .orElseThrow(() -> new NotFoundException("profile", run.profileId()));
    SyncRun cancelled = run.ended(RunStatus.CANCELLED, run.counts(),
        "cancelled by " + actor + "; nothing was applied", clock.instant());
    runs.update(cancelled);
    execution.settleCancelled(cancelled, profile);
    execution.audit(cancelled, actor, "run cancelled", "nothing was applied");
    return cancelled;
  }

  /** Renews the leases of this node's queued and running runs; call every lease/4 or so. */
  public void renewLeases() {
    held.forEach((runId, profileId) -> {
      if (!runs.renew(profileId, runId, clock.instant(), lease)) {
        LOG.warn("run {} of profile {} lost its lease", runId, profileId);
      }
    });
  }

  /** Marks runs cut off by a crash as ABORTED; call once at start-up. */
  public void abortOrphans() {
    for (SyncRun r : runs.abortOrphans(node, clock.instant(),
        "cut off: the node running it stopped before it ended; nothing of it was applied")) {
      LOG.warn("run {} of profile {} was cut off by a crash; marked ABORTED", r.id(), r.profileId());
    }
  }

  /**
   * Takes over the runs of nodes that stopped: each QUEUED or RUNNING run whose lease expired is
   * marked ABORTED (nothing of it was applied: its transaction died with its node), and the
   * scheduled and manual ones are queued again on this node. A dropped file's run needs no second
   * run: its file is still in the drop folder and is taken again. Call every poll on every node; a
   * run is taken over by one node only.
   *
   * @return the runs queued again
   */
  public List<SyncRun> takeOverExpired() {
    List<SyncRun> again = new ArrayList<>();
    for (SyncRun dead : runs.abortExpired(clock.instant(), "cut off: the node running it stopped"
        + " renewing its lease; nothing of it was applied; node " + node + " took the profile over")) {
      LOG.warn("run {} of profile {} lost its node (its lease expired); marked ABORTED", dead.id(),
          dead.profileId());
      if (dead.trigger() != RunTrigger.SCHEDULE && dead.trigger() != RunTrigger.MANUAL) {
        continue;
      }
      try {
        SyncRun run = request(new RequestRunCommand(dead.profileId(), dead.mode(), dead.trigger(),
            dead.requestedBy()));
        again.add(run);
        LOG.warn("run {} of profile {} taken over as run {}", dead.id(), dead.profileId(), run.id());
        execution.audit(run, "node:" + node, "run taken over",
            "run " + dead.id() + " was cut off when its node stopped; queued again as run " + run.id());
      } catch (ConflictException | NotFoundException e) {
        LOG.warn("run {} of profile {} is not run again: {}", dead.id(), dead.profileId(),
            e.getMessage());
      }
    }
    return again;
  }

  /** Takes the profile's lease for the run before anything of it is recorded. */
  private void claim(SyncRun run, Profile profile) {
    if (!runs.claim(profile.id(), run.id(), node, clock.instant(), lease)) {
      throw new ConflictException("another run of profile '" + profile.name() + "' is in progress");
    }
  }

  private void start(SyncRun run, Profile profile) {
    held.put(run.id(), profile.id());
    executor.execute(() -> {
      try {
        // the lease is checked (and renewed) inside the run's transaction before it commits
        execution.execute(run.id(), () -> {
          if (!runs.renew(profile.id(), run.id(), clock.instant(), lease)) {
            throw new LeaseLostException(run.id());
          }
        });
      } finally {
        held.remove(run.id());
        runs.release(profile.id(), run.id());
      }
    });
  }

  /** The trigger a dropped file's run carries. */
  public static RequestRunCommand fileRun(UUID profileId) {
    return new RequestRunCommand(profileId, org.roster.domain.sync.RunMode.FULL, RunTrigger.FILE, "drop-folder");
  }
}
