package org.roster.application.port.in;

import java.util.UUID;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.SyncRun;

/** Run history and reports. */
public interface QueryRunsUseCase {

  /** Runs newest first; of one profile when {@code profileId} is not null. */
  Page<SyncRun> list(UUID profileId, PageRequest page);

  /** @throws NotFoundException when there is no such run */
  SyncRun get(UUID runId);

  /** A run's per-entry report in order. @throws NotFoundException for an unknown run */
  Page<RunEntry> report(UUID runId, PageRequest page);
}
