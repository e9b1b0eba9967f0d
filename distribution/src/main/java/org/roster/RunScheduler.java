package org.roster;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import java.time.Duration;
import org.roster.application.service.DropFolderService;
import org.roster.application.service.RunSyncService;
import org.roster.application.service.ScheduleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's clockwork, on every node: polls drop folders ({@code
 * roster.drop-folder.poll-interval}, default 2 s); every {@code roster.runs.poll} (2 s) takes over
 * the runs of nodes whose leases expired and starts the scheduled runs that are due; every quarter
 * of {@code roster.runs.lease} (15 s of 60 s) renews the leases of this node's runs. Created with
 * the context, so that runs cut off by a crash are aborted at start-up (see {@link
 * RosterFactory#runSyncService}); idle once shutdown began.
 */
@Context
public class RunScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(RunScheduler.class);

  private final DropFolderService dropFolders;
  private final RunSyncService runs;
  private final ScheduleService schedules;
  private final RunThreads threads;

  public RunScheduler(DropFolderService dropFolders, RunSyncService runs, ScheduleService schedules,
      RunThreads threads, RunTimings timings, @Named(TaskExecutors.SCHEDULED) TaskScheduler clock) {
    this.dropFolders = dropFolders;
    this.runs = runs;
    this.schedules = schedules;
    this.threads = threads;
    every(clock, timings.poll(), "scheduled runs", this::pollRuns);
    every(clock, timings.renewal(), "lease renewal", this::renewLeases);
  }

  @Scheduled(fixedDelay = "${roster.drop-folder.poll-interval:2s}",
      initialDelay = "${roster.drop-folder.poll-interval:2s}")
  void pollDropFolders() {
    if (threads.accepting()) {
      dropFolders.poll();
    }
  }

  void pollRuns() {
    if (threads.accepting()) {
      runs.takeOverExpired();
      schedules.poll();
    }
  }

  void renewLeases() {
    if (threads.accepting()) {
      runs.renewLeases();
    }
  }

  private static void every(TaskScheduler clock, Duration period, String what, Runnable task) {
    clock.scheduleWithFixedDelay(period, period, () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // a failed round (the database away) must not end the repetition: the next one retries
        LOG.error("{} failed; retrying in {}", what, period, e);
      }
    });
  }
}
