package org.roster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.roster.application.port.out.RunObserver;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/**
 * Runs as Prometheus meters, labelled by profile name, mode and status:
 * {@code roster_runs_total}, {@code roster_run_duration_seconds} (a histogram),
 * {@code roster_run_entries_total} by outcome (the lower-case names of {@link EntryOutcome}; only
 * what succeeded runs applied, not dry runs or plans stopped by the threshold) and {@code roster_licence_over_limit_total}.
 */
@Singleton
public class RunMetrics implements RunObserver {
  /** Histogram buckets of run durations: from a second to an hour. */
  private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)};

  private final MeterRegistry registry;

  public RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void ended(Profile profile, SyncRun run, Optional<LicencePool> poolOverLimit) {
    String mode = run.mode().wireName();
    Counter.builder("roster.runs").description("Runs ended, by profile, mode and status")
        .tag("profile", profile.name()).tag("mode", mode).tag("status", run.status().name())
        .register(registry).increment();
    if (run.startedAt() != null && run.endedAt() != null) {
      Timer.builder("roster.run.duration").description("How long runs took, from start to end")
          .tag("profile", profile.name()).tag("mode", mode)
          .serviceLevelObjectives(BUCKETS).register(registry).record(Duration.between(run.startedAt(), run.endedAt()));
    }
    if (run.status() != RunStatus.SUCCEEDED || run.mode() == RunMode.DRY_RUN) {
      return; // nothing of it was applied
    }
    for (Map.Entry<EntryOutcome, Integer> e : run.counts().asMap().entrySet()) {
      if (e.getValue() > 0) {
        Counter.builder("roster.run.entries").description("Entries by what the run did with them")
            .tag("profile", profile.name()).tag("outcome", e.getKey().name().toLowerCase(Locale.ROOT))
            .register(registry).increment(e.getValue());
      }
    }
    poolOverLimit.ifPresent(p -> Counter.builder("roster.licence.over.limit")
        .description("Runs that left the licence pool over its limit").register(registry).increment());
  }
}
