package org.roster.application.service;

import java.util.UUID;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.QueryRunsUseCase;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RunStore;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.SyncRun;

/** Run history and per-entry reports. */
public final class RunQueryService implements QueryRunsUseCase {
  private final RunStore runs;

  public RunQueryService(RunStore runs) {
    this.runs = runs;
  }

  @Override
  public Page<SyncRun> list(UUID profileId, PageRequest page) {
    return runs.list(profileId, page);
  }

  @Override
  public SyncRun get(UUID runId) {
    return runs.find(runId).orElseThrow(() -> new NotFoundException("run", runId));
  }

  @Override
  public Page<RunEntry> report(UUID runId, PageRequest page) {
    get(runId);
    return runs.report(runId, page);
  }
}
