package org.roster;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
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
import java.util.ArrayList;
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
 * {@code roster demo}: a CSV profile "demo-csv" fed by {@code <data dir>/demo/inbox} with a sample
 * file of {@value DemoPeople#COUNT} people in it, and an LDAP profile "demo-ldap" reading an
 * embedded directory ({@link DemoDirectory}, {@value DemoDirectory#COUNT} other people, on
 * 127.0.0.1:{@code roster.demo.ldap-port}, default 33389), each with its first sync. Idempotent:
 * once a profile has run, a later start only says where things are.
 */
@Singleton
public class DemoSetup {
  static final String ENABLED = "roster.demo.enabled";
  static final String PROFILE = "demo-csv";
  static final String LDAP_PROFILE = "demo-ldap";
  private static final String ACTOR = "system:demo";
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

  private final boolean enabled;
  private final Path inbox;
  private final ManageProfilesUseCase profiles;
  private final RunSyncService runService;
  private final RunStore runs;
  private final Clock clock;
  private final int ldapPort;
  private DemoDirectory directory;

  public DemoSetup(@Value("${" + ENABLED + ":false}") boolean enabled, DataDirectory dataDir,
      ManageProfilesUseCase profiles, RunSyncService runService, RunStore runs, Clock clock,
      @Value("${roster.demo.ldap-port:33389}") int ldapPort) {
    this.enabled = enabled;
    this.ldapPort = ldapPort;
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
    List<String> lines = new ArrayList<>();
    Profile csv = profiles.list().stream().filter(p -> p.name().equals(PROFILE)).findFirst()
        .orElseGet(() -> profiles.create(new SaveProfileCommand(PROFILE, "csv",
            Map.of("folder", inbox.toString()), null, true), ACTOR));
    lines.add("demo: CSV profile '" + PROFILE + "' (id " + csv.id() + ")");
    lines.add("demo: " + firstSync(csv, () -> "of " + writeSample().getFileName()));
    lines.add("demo: drop CSV files into " + inbox);

    try {
      directory = DemoDirectory.start(ldapPort);
      Profile ldap = ldapProfile();
      lines.add("demo: LDAP profile '" + LDAP_PROFILE + "' (id " + ldap.id() + ") reads the embedded "
          + "directory " + directory.url() + " (" + DemoDirectory.BASE_DN + ")");
      lines.add("demo: " + firstSync(ldap, () -> "of the directory"));
    } catch (IllegalStateException e) {
      LOG.error("The demo's LDAP directory is not there: {}", e.getMessage());
      lines.add("demo: no embedded LDAP directory: " + e.getMessage());
    }
    lines.add("demo: try  curl -u admin:PASSWORD '" + url + "/api/v1/users?q=ada'");
    lines.add("demo: or   curl -u admin:PASSWORD -H 'content-type: application/json' -d "
        + "'{\"login\":\"kai.lindqvist\",\"password\":\"" + DemoDirectory.PASSWORD + "\"}' '"
        + url + "/api/v1/auth/login'");
    return lines;
  }

  /** The LDAP profile, made or pointed at the directory's address of this start. */
  private Profile ldapProfile() {
    Optional<Profile> existing = profiles.list().stream()
        .filter(p -> p.name().equals(LDAP_PROFILE)).findFirst();
    SaveProfileCommand command = new SaveProfileCommand(LDAP_PROFILE, "ldap",
        directory.profileSettings(), null, true);
    if (existing.isEmpty()) {
      return profiles.create(command, ACTOR);
    }
    Profile p = existing.get();
    if (!directory.url().equals(p.settings().get("url"))) {
      return profiles.update(p.id(), new SaveProfileCommand(LDAP_PROFILE, "ldap",
          directory.profileSettings(), p.policy(), p.enabled()), ACTOR);
    }
    return p;
  }

  /** Runs a profile's first sync, unless it ran before; says how it went. */
  private String firstSync(Profile profile, java.util.function.Supplier<String> prepare) {
    if (runs.list(profile.id(), PageRequest.first(1)).total() > 0) {
      return "'" + profile.name() + "' was set up before; its runs: GET /api/v1/runs?profileId="
          + profile.id();
    }
    String what = prepare.get();
    SyncRun run = waitForEnd(firstRun(profile).id());
    return "first sync " + what + " " + run.status()
        + (run.summary() == null ? "" : ": " + run.summary())
        + (run.error() == null ? "" : " (" + run.error() + ")");
  }

  @PreDestroy
  void stop() {
    if (directory != null) {
      directory.close();
    }
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
