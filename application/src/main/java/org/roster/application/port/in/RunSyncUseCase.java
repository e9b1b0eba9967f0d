package org.roster.application.port.in;

import java.util.UUID;
import org.roster.domain.sync.SyncRun;

/** Start, confirm and cancel runs. Runs execute in the background. */
public interface RunSyncUseCase {

  /**
   * Queues a run and starts it in the background.
   *
   * @return the QUEUED run
   * @throws NotFoundException when the profile does not exist
   * @throws ConflictException when the profile already has a run queued, running or waiting for
   *     confirmation
   */
  SyncRun request(RequestRunCommand command);

  /**
   * Confirms a run that stopped in NEEDS_CONFIRMATION: it runs again and applies up to as many
   * deactivations and deletions as the admin saw; if it would now take away more, it stops again.
   *
   * @throws ConflictException when the run is not waiting for confirmation
   */
  SyncRun confirm(UUID runId, String actor);

  /** Cancels a run waiting for confirmation: nothing of it is applied. */
  SyncRun cancel(UUID runId, String actor);
}
