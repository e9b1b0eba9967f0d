package org.roster;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.roster.application.service.DropFolderService;
import org.roster.application.service.RunSyncService;

/**
 * The server's clockwork: polls drop folders ({@code roster.drop-folder.poll-interval}, default 2
 * s) and renews the leases of this node's runs every 15 s (a quarter of the 60 s lease). Created
 * with the context, so that runs cut off by a crash are aborted at start-up (see {@link
 * RosterFactory#runSyncService}); idle once shutdown began.
 */
@Context
public class RunScheduler {
  private final DropFolderService dropFolders;
  private final RunSyncService runs;
  private final RunThreads threads;

  public RunScheduler(DropFolderService dropFolders, RunSyncService runs, RunThreads threads) {
    this.dropFolders = dropFolders;
    this.runs = runs;
    this.threads = threads;
  }

  @Scheduled(fixedDelay = "${roster.drop-folder.poll-interval:2s}",
      initialDelay = "${roster.drop-folder.poll-interval:2s}")
  void pollDropFolders() {
    if (threads.accepting()) {
      dropFolders.poll();
    }
  }

  @Scheduled(fixedDelay = "15s", initialDelay = "15s")
  void renewLeases() {
    if (threads.accepting()) {
      runs.renewLeases();
    }
  }
}
