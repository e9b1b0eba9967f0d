package org.roster.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RunObserver;
import org.roster.application.port.out.RunStore;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.DropFolderConnector;
import org.roster.connector.api.DroppedFile;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceDataException;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Carries out one queued run on the calling thread: opens the source, lets the engine apply it,
 * records the outcome in the run history and the audit log, and settles a dropped file into
 * {@code processed/} or {@code failed/} with its report.
 */
public final class RunExecution {
  private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
  private static final long PROGRESS_EVERY_MS = 1000;

  private final List<RunObserver> observers;
  private final ProfileStore profiles;
  private final RunStore runs;
  private final AuditStore audit;
  private final ConnectorRegistry connectors;
  private final SyncEngine engine;
  private final Clock clock;

  public RunExecution(ProfileStore profiles, RunStore runs, AuditStore audit,
      ConnectorRegistry connectors, SyncEngine engine, Clock clock) {
    this(profiles, runs, audit, connectors, engine, clock, List.of());
  }

  public RunExecution(ProfileStore profiles, RunStore runs, AuditStore audit,
      ConnectorRegistry connectors, SyncEngine engine, Clock clock, List<RunObserver> observers) {
    this.observers = List.copyOf(observers);
    this.profiles = profiles;
    this.runs = runs;
    this.audit = audit;
    this.connectors = connectors;
    this.engine = engine;
    this.clock = clock;
  }

  /** Runs a QUEUED run to its end. Never throws: every failure ends up in the run's record. */
  public void execute(UUID runId) {
    execute(runId, () -> {});
  }

  /**
   * As {@link #execute(UUID)}; {@code beforeCommit} runs inside the run's transaction just before
   * it commits and may throw {@link LeaseLostException} to roll it back.
   */
  public void execute(UUID runId, Runnable beforeCommit) {
    SyncRun queued = runs.find(runId).orElseThrow();
    Profile profile = profiles.find(queued.profileId()).orElse(null);
    MDC.put("run", runId.toString());
    MDC.put("profile", profile == null ? queued.profileId().toString() : profile.name());
    try {
      if (profile == null) {
        runs.update(queued.started(clock.instant()).ended(RunStatus.FAILED, new RunCounts(),
            "the profile was deleted before the run started", clock.instant()));
        return;
      }
      run(queued.started(clock.instant()), profile, beforeCommit);
    } finally {
      MDC.remove("run");
      MDC.remove("profile");
    }
  }

  private void run(SyncRun run, Profile profile, Runnable beforeCommit) {
    runs.update(run);
    LOG.info("run {} of profile '{}' started: {} {}", run.id(), profile.name(), run.trigger(), run.mode().wireName());
    ConnectorFactory factory;
    ConnectorSettings settings;
    DroppedFile file = null;
    SyncRun current = run;
    long[] lastProgress = {0};
    SyncRun[] live = {run};
    RunCounts[] seen = {new RunCounts()};
    org.roster.domain.licence.LicencePool[] applied = {null};
    SyncRun ended;
    try {
      factory = connectors.get(profile.type());
      settings = connectors.settingsOf(profile);
      SourceContext context = new SourceContext(profile.id().toString(), clock);
      DirectorySource source;
      if (factory instanceof DropFolderConnector folder) {
        file = pickFile(folder, settings, run);
        current = run.withSource(file.path().toString());
        runs.update(current);
        live[0] = current;
        source = folder.openFile(settings, file, context);
      } else {
        source = factory.open(settings, context);
      }
      RunResult result;
      try (source) {
        result = engine.execute(current, profile, source, counts -> {
          seen[0] = counts;
          long now = System.currentTimeMillis();
          if (now - lastProgress[0] >= PROGRESS_EVERY_MS) {
            lastProgress[0] = now;
            runs.update(live[0].progress(counts));
          }
        }, beforeCommit);
      }
      applied[0] = result.pool();
      ended = current.ended(result.status(), result.counts(), result.message(), clock.instant());
    } catch (LeaseLostException e) {
      LOG.warn("run {} of profile '{}': {}", run.id(), profile.name(), e.getMessage());
      SyncRun stored = runs.find(run.id()).orElse(current);
      if (stored.status().finished()) {
        return; // the node that took the profile over has already recorded this run's end
      }
      ended = current.ended(RunStatus.ABORTED, seen[0], e.getMessage(), clock.instant());
    } catch (ConnectorException | IllegalArgumentException | SecretBox.UnreadableSecretException e) {
      ended = current.ended(RunStatus.FAILED, seen[0], e.getMessage() + " — nothing was applied", clock.instant());
      LOG.warn("run {} of profile '{}' failed: {}", run.id(), profile.name(), e.getMessage());
    } catch (RuntimeException e) {
      ended = current.ended(RunStatus.FAILED, seen[0],
          "internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ") — nothing was applied",
          clock.instant());
      LOG.error("run {} of profile '{}' failed", run.id(), profile.name(), e);
    }
    if (file != null && ended.mode() != RunMode.DRY_RUN && ended.status().finished()) {
      // before the run is seen as ended: the drop-folder poller must not take the file again
      settle(profile, ended, file, ended.status() == RunStatus.SUCCEEDED);
    }
    runs.update(ended);
    LOG.info("run {} of profile '{}' ended {}: {}", run.id(), profile.name(), ended.status(), ended.summary());
    audit(ended, profile.actor(), "run " + ended.status().name().toLowerCase().replace('_', ' '),
        ended.summary() + (ended.error() == null ? "" : " — " + ended.error()));
    var pool = applied[0];
    boolean overLimit = pool != null && pool.overLimit();
    if (overLimit) {
      appendNow(ended, profile.actor(), AuditCategory.SEAT, "licence pool over its limit",
          pool.used() + " seats held, limit " + pool.limit());
    }
    tellObservers(profile, ended, overLimit ? Optional.of(pool) : Optional.empty());
  }

  private void tellObservers(Profile profile, SyncRun ended,
      Optional<LicencePool> overLimit) {
    for (RunObserver o : observers) {
      try {
        o.ended(profile, ended, overLimit);
      } catch (RuntimeException e) {
        LOG.warn("run {}: observer {} failed: {}", ended.id(), o.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private DroppedFile pickFile(DropFolderConnector folder, ConnectorSettings settings, SyncRun run) {
    if (run.source() != null) {
      java.nio.file.Path p = java.nio.file.Path.of(run.source());
      if (!java.nio.file.Files.isRegularFile(p)) {
        throw new SourceDataException("the file " + p + " this run was for is gone");
      }
      return observe(p);
    }
    List<DroppedFile> ready = folder.readyFiles(settings);
    if (!ready.isEmpty()) {
      return ready.get(0);
    }
    return folder.lastProcessed(settings).orElseThrow(
        () -> new SourceDataException("no file in the drop folder and none processed before"));
  }

  /** The file as it is now, with the file system's full timestamp precision. */
  private static DroppedFile observe(java.nio.file.Path p) {
    try {
      return new DroppedFile(p, java.nio.file.Files.size(p),
          java.nio.file.Files.getLastModifiedTime(p).toInstant());
    } catch (java.io.IOException e) {
      throw new org.roster.connector.api.SourceUnavailableException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  /** Moves a cancelled run's file out of the drop folder into failed/. */
  void settleCancelled(SyncRun run, Profile profile) {
    if (run.source() == null) {
      return;
    }
    java.nio.file.Path p = java.nio.file.Path.of(run.source());
    if (java.nio.file.Files.isRegularFile(p)) {
      settle(profile, run, observe(p), false);
    }
  }

  /** Moves a run's file into processed/ or failed/ with its report (file-fed profiles only). */
  private void settle(Profile profile, SyncRun run, DroppedFile file, boolean applied) {
    try {
      ConnectorFactory factory = connectors.get(profile.type());
      if (factory instanceof DropFolderConnector folder) {
        folder.settle(connectors.settingsOf(profile), file, applied,
            reportText(run));
      }
    } catch (ConnectorException e) {
      LOG.warn("could not move {} after run {}: {}", file.path(), run.id(), e.getMessage());
    }
  }

  /** The report written beside a settled file: status, summary, error, then the per-entry lines. */
  String reportText(SyncRun run) {
    StringBuilder b = new StringBuilder();
    b.append("run ").append(run.id()).append(' ').append(run.status()).append('\n')
        .append(run.summary() == null ? "" : run.summary()).append('\n');
    if (run.error() != null) {
      b.append(run.error()).append('\n');
    }
    var page = runs.report(run.id(), PageRequest.first(PageRequest.MAX_SIZE));
    for (RunEntry e : page.items()) {
      b.append(e.location() == null ? "" : e.location()).append('\t').append(e.outcome()).append('\t')
          .append(e.externalId() == null ? "" : e.externalId()).append('\t')
          .append(e.name() == null ? "" : e.name()).append('\t').append(e.detail()).append('\n');
    }
    if (page.total() > page.items().size()) {
      b.append("... ").append(page.total() - page.items().size()).append(" more lines in the run report\n");
    }
    return b.toString();
  }

  void audit(SyncRun run, String actor, String action, String detail) {
    appendNow(run, actor, AuditCategory.RUN, action, detail);
  }

  private void appendNow(SyncRun run, String actor, AuditCategory category, String action, String detail) {
    audit.appendNow(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(), run.id(), actor,
        category, action, run.id(), Optional.ofNullable(run.source()).orElse(""), Map.of(), Map.of(), detail)));
  }
}
