package org.roster.application.service;

import java.util.Set;
import java.util.UUID;
import org.roster.application.port.in.ImportCommand;
import org.roster.application.port.in.ImportEntriesUseCase;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.out.ImportSelection;
import org.roster.application.port.out.ImportStore;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RoleStore;
import org.roster.connector.api.DropFolderConnector;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;

/**
 * Queues IMPORT runs: checks the request, saves the selection with the run, and lets {@link
 * RunSyncService} queue and start it like any run (one run per profile at a time); the engine
 * applies it with {@link SelectiveImport}.
 */
public final class ImportService implements ImportEntriesUseCase {
  private final ProfileStore profiles;
  private final RoleStore roles;
  private final ImportStore imports;
  private final ConnectorRegistry connectors;
  private final RunSyncService runs;

  public ImportService(ProfileStore profiles, RoleStore roles, ImportStore imports,
      ConnectorRegistry connectors, RunSyncService runs) {
    this.profiles = profiles;
    this.roles = roles;
    this.imports = imports;
    this.connectors = connectors;
    this.runs = runs;
  }

  @Override
  public SyncRun importSelected(ImportCommand c) {
    Profile p = profiles.find(c.profileId())
        .orElseThrow(() -> new NotFoundException("profile", c.profileId()));
    if (connectors.get(p.type()) instanceof DropFolderConnector) {
      throw new InvalidRequestException("profile", "a " + p.type()
          + " profile reads whole files: drop a file to sync it; selective import needs a directory");
    }
    Set<UUID> known = new java.util.HashSet<>();
    roles.all().forEach(r -> known.add(r.id()));
    for (UUID r : c.roleIds()) {
      if (!known.contains(r)) {
        throw new InvalidRequestException("roleIds", "role " + r + " does not exist");
      }
    }
    boolean enable = c.enable() == null ? p.policy().enableUsersAfterImport() : c.enable();
    return runs.request(new RequestRunCommand(p.id(), RunMode.FULL, RunTrigger.IMPORT, c.actor()),
        null, run -> imports.save(new ImportSelection(run.id(), c.externalIds(), enable, c.roleIds())));
  }
}
