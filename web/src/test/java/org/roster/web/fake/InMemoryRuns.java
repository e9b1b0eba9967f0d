package org.roster.web.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.QueryRunsUseCase;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.in.RunSyncUseCase;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/**
 * Runs and their reports in maps; requests check the profile exists in {@link InMemoryProfiles}.
 */
public class InMemoryRuns implements RunSyncUseCase, QueryRunsUseCase {
  private final InMemoryProfiles profiles;
  private final Map<UUID, SyncRun> runs = new ConcurrentHashMap<>();
  private final Map<UUID, List<RunEntry>> reports = new ConcurrentHashMap<>();
  private final List<RequestRunCommand> requests = new ArrayList<>();

  public InMemoryRuns(InMemoryProfiles profiles) {
    this.profiles = profiles;
  }

  public void clear() {
    runs.clear();
    reports.clear();
    requests.clear();
  }

  public void save(SyncRun run) {
    runs.put(run.id(), run);
  }

  public void report(UUID runId, List<RunEntry> entries) {
    reports.put(runId, List.copyOf(entries));
  }

  public List<RequestRunCommand> requests() {
    return List.copyOf(requests);
  }

  @Override
  public synchronized SyncRun request(RequestRunCommand command) {
    profiles.get(command.profileId());
    boolean busy =
        runs.values().stream()
            .anyMatch(
                r ->
                    r.profileId().equals(command.profileId())
                        && (r.status().active() || r.status() == RunStatus.NEEDS_CONFIRMATION));
    if (busy) {
      throw new ConflictException("profile " + command.profileId() + " already has a run pending");
    }
    requests.add(command);
    SyncRun run =
        SyncRun.queued(
            UUID.randomUUID(),
            command.profileId(),
            command.trigger(),
            command.mode(),
            null,
            command.actor(),
            InMemoryProfiles.NOW);
    runs.put(run.id(), run);
    return run;
  }

  @Override
  public SyncRun confirm(UUID runId, String actor) {
    SyncRun run = get(runId);
    if (run.status() != RunStatus.NEEDS_CONFIRMATION) {
      throw new ConflictException(
          "run " + runId + " is " + run.status() + ", not waiting for confirmation");
    }
    SyncRun confirmed = run.confirmed(actor, run.counts().destructive());
    runs.put(runId, confirmed);
    return confirmed;
  }

  @Override
  public SyncRun cancel(UUID runId, String actor) {
    SyncRun run = get(runId);
    if (run.status() != RunStatus.NEEDS_CONFIRMATION) {
      throw new ConflictException(
          "run " + runId + " is " + run.status() + ", not waiting for confirmation");
    }
    SyncRun cancelled =
        run.ended(RunStatus.CANCELLED, run.counts(), null, Instant.parse("2024-05-01T09:00:00Z"));
    runs.put(runId, cancelled);
    return cancelled;
  }

  @Override
  public Page<SyncRun> list(UUID profileId, PageRequest page) {
    List<SyncRun> all =
        runs.values().stream()
            .filter(r -> profileId == null || Objects.equals(r.profileId(), profileId))
            .sorted(Comparator.comparing(SyncRun::requestedAt).reversed())
            .toList();
    return Pages.of(all, page);
  }

  @Override
  public SyncRun get(UUID runId) {
    SyncRun run = runs.get(runId);
    if (run == null) {
      throw new NotFoundException("run", runId);
    }
    return run;
  }

  @Override
  public Page<RunEntry> report(UUID runId, PageRequest page) {
    get(runId);
    return Pages.of(reports.getOrDefault(runId, List.of()), page);
  }
}
