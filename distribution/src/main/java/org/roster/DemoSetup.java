package org.roster;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.ManageProfilesUseCase;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RunStore;
import org.roster.application.service.RunSyncService;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code roster demo}: a CSV profile "demo-csv" fed by {@code <data dir>/demo/inbox}, a sample file
 * of {@value DemoPeople#COUNT} people in it and its first sync. Idempotent: once the profile has
 * run, a later start only tells where to drop files.
 */
@Singleton
public class DemoSetup {
  static final String ENABLED = "roster.demo.enabled";
  static final String PROFILE = "demo-csv";
  private static final String ACTOR = "system:demo";
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

  private final boolean enabled;
  private final Path inbox;
  private final ManageProfilesUseCase profiles;
  private final RunSyncService runService;
  private final RunStore runs;
  private final Clock clock;

  public DemoSetup(@Value("${" + ENABLED + ":false}") boolean enabled, DataDirectory dataDir,
      ManageProfilesUseCase profiles, RunSyncService runService, RunStore runs, Clock clock) {
    this.enabled = enabled;
    this.inbox = dataDir.resolve("demo").resolve("inbox");
    this.profiles = profiles;
    this.runService = runService;
    this.runs = runs;
    this.clock = clock;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Sets the demo up; returns the lines to show the user, who reaches the server at {@code url}. */
  public List<String> setUp(String url) {
    Profile profile = profiles.list().stream().filter(p -> p.name().equals(PROFILE)).findFirst()
        .orElseGet(() -> profiles.create(new SaveProfileCommand(PROFILE, "csv",
            Map.of("folder", inbox.toString()), null, true), ACTOR));
    boolean ranBefore = runs.list(profile.id(), PageRequest.first(1)).total() > 0;
    String outcome;
    if (ranBefore) {
      outcome = "set up before; its runs: GET /api/v1/runs?profileId=" + profile.id();
    } else {
      Path file = writeSample();
      SyncRun run = waitForEnd(firstRun(profile).id());
      outcome = "first sync of " + file.getFileName() + " " + run.status()
          + (run.summary() == null ? "" : ": " + run.summary())
          + (run.error() == null ? "" : " (" + run.error() + ")");
    }
    return List.of(
        "demo: CSV profile '" + PROFILE + "' (id " + profile.id() + ")",
        "demo: " + outcome,
        "demo: drop CSV files into " + inbox,
        "demo: try  curl -u admin:PASSWORD '" + url + "/api/v1/users?q=ada'");
  }

  /** Writes the sample under a temporary name, dates it back past the quiet period, moves it in. */
  private Path writeSample() {
    try {
      Files.createDirectories(inbox);
      Path tmp = inbox.resolve(".people.csv.tmp");
      Path file = inbox.resolve("people.csv");
      Files.writeString(tmp, DemoPeople.csv(), StandardCharsets.UTF_8);
      // ready at once: older than any quiet period; whole seconds survive any precision round trip
      Files.setLastModifiedTime(tmp, FileTime.from(
          clock.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS)));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo file into " + inbox, e);
    }
  }

  /** Asks for a full run; when the drop-folder poller took the file first, follows its run. */
  private SyncRun firstRun(Profile profile) {
    try {
      return runService.request(new RequestRunCommand(profile.id(), RunMode.FULL, RunTrigger.MANUAL, ACTOR));
    } catch (ConflictException e) {
      Optional<SyncRun> pending = runs.pending(profile.id());
      return pending.orElseGet(() -> runs.list(profile.id(), PageRequest.first(1)).items().get(0));
    }
  }

  private SyncRun waitForEnd(UUID runId) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      SyncRun run = runs.find(runId).orElseThrow();
      if (run.status().finished() || run.status() == RunStatus.NEEDS_CONFIRMATION) {
        return run;
      }
      if (System.nanoTime() > deadline) {
        LOG.warn("the demo's first run {} has not ended after {}", runId, WAIT);
        return run;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return run;
      }
    }
  }
}
