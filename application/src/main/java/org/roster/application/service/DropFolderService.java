package org.roster.application.service;

import java.util.List;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RunStore;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DropFolderConnector;
import org.roster.connector.api.DroppedFile;
import org.roster.domain.sync.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the drop folders of enabled file-fed profiles: each completely written file starts one
 * run (trigger FILE), oldest first, one at a time per profile. A profile whose run waits for
 * confirmation takes no new file until that run is confirmed or cancelled.
 */
public final class DropFolderService {
  private static final Logger LOG = LoggerFactory.getLogger(DropFolderService.class);

  private final ProfileStore profiles;
  private final RunStore runs;
  private final ConnectorRegistry connectors;
  private final RunSyncService runService;

  public DropFolderService(ProfileStore profiles, RunStore runs, ConnectorRegistry connectors,
      RunSyncService runService) {
    this.profiles = profiles;
    this.runs = runs;
    this.connectors = connectors;
    this.runService = runService;
  }

  /** Looks at every drop folder once; starts a run per profile with a ready file. */
  public void poll() {
    for (Profile p : profiles.list()) {
      ConnectorFactory f = connectors.get(p.type());
      if (!p.enabled() || !(f instanceof DropFolderConnector folder)
          || runs.pending(p.id()).isPresent()) {
        continue; // the pending-run query only for file-fed profiles
      }
      try {
        List<DroppedFile> ready = folder.readyFiles(connectors.settingsOf(p));
        if (!ready.isEmpty()) {
          DroppedFile file = ready.get(0);
          LOG.info("file {} dropped for profile '{}'", file.name(), p.name());
          runService.request(RunSyncService.fileRun(p.id()), file.path().toString());
        }
      } catch (ConnectorException e) {
        LOG.warn("cannot read the drop folder of profile '{}': {}", p.name(), e.getMessage());
      } catch (ConflictException e) {
        LOG.debug("profile '{}' is busy: {}", p.name(), e.getMessage());
      }
    }
  }
}
