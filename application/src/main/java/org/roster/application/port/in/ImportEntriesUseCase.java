package org.roster.application.port.in;

import org.roster.domain.sync.SyncRun;

/**
 * Selective import: a run (trigger IMPORT) that reads just the chosen entries of a profile's
 * directory and applies them with the sync's rules; it deactivates or deletes no one else.
 */
public interface ImportEntriesUseCase {

  /**
   * Queues the import run.
   *
   * @return the QUEUED run
   * @throws NotFoundException for an unknown profile
   * @throws InvalidRequestException ("roleIds") naming a role that does not exist, ("profile")
   *     for a profile whose source reads whole files (CSV)
   * @throws ConflictException when the profile has a run queued, running or waiting
   */
  SyncRun importSelected(ImportCommand command);
}
