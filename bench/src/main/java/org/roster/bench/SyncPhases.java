package org.roster.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/**
 * The three runs of one membership setting through the real engine, on a fresh database: a full
 * first sync, a full re-sync with nothing changed, and an incremental run after 1 % of the users
 * changed in the directory. Each is timed from the request to the end of the run, checked against
 * its bar and against what PostgreSQL says was written. Repeated for {@code rounds} rounds (one
 * JVM, a fresh database each), each phase reported by its median.
 */
final class SyncPhases {
  static final double FULL_LIMIT = 2.0;
  static final double NO_CHANGE_LIMIT = 1.3;
  static final double INCREMENTAL_LIMIT = 0.05;

  private final BenchSettings settings;
  private final Postgres postgres;
  private final HeapMeter heap;
  private final Report report;
  private final DirectoryChanges changes;
  private final CallTimes times;
  private final CpuMeter cpu = new CpuMeter();

  /** One timed run: the ended run, seconds, heap, rows written. */
  private record Measured(SyncRun run, double seconds, HeapMeter.Use heap, CpuMeter.Use cpu,
      TableWrites.Written written, List<CallTimes.Total> calls) {
    int count(EntryOutcome outcome) {
      return run.counts().get(outcome);
    }

    boolean succeeded() {
      return run.status() == RunStatus.SUCCEEDED;
    }

    String summary() {
      return run.status() + " (" + run.counts().entriesRead() + " read: " + run.counts().summary()
          + ", " + count(EntryOutcome.UNCHANGED) + " unchanged)"
          + (run.error() == null ? "" : " [" + run.error() + "]");
    }
  }

  SyncPhases(BenchSettings settings, Postgres postgres, HeapMeter heap, Report report,
      DirectoryChanges changes) {
    this.settings = settings;
    this.postgres = postgres;
    this.heap = heap;
    this.report = report;
    this.changes = changes;
    this.times = new CallTimes(settings.breakdown());
  }

  /** One round: the three runs on a fresh database, and how many users were changed. */
  private record Round(Measured full, Measured same, Measured inc, int changed) {}

  /** Whether a run did what it should, and what it did. */
  private record Check(boolean ok, String detail) {}

  /**
   * Measures {@code settings.rounds()} rounds and reports each phase's median round, checked in
   * every round, with the largest heap peak of any round.
   */
  void run(String mode, double rawRead, RawInsert.Result raw) {
    List<Round> rounds = new ArrayList<>();
    for (int i = 0; i < settings.rounds(); i++) {
      rounds.add(round(mode));
    }
    Phase full = phase(mode, "full sync", rounds, Round::full, r -> full(r.full(), raw),
        rawRead + raw.seconds(), FULL_LIMIT, "(raw read + raw insert)");
    report.add(full);
    report.add(phase(mode, "no-change re-sync", rounds, Round::same, r -> noChange(r.same()),
        rawRead, NO_CHANGE_LIMIT, "raw read"));
    report.add(phase(mode, "incremental (1 %)", rounds, Round::inc, this::incremental,
        full.seconds(), INCREMENTAL_LIMIT, "full sync"));
  }

  private Round round(String mode) {
    String database = "roster_bench_" + mode.toLowerCase(Locale.ROOT);
    String url = postgres.fresh(database);
    try (RosterInstance roster = new RosterInstance(url, times)) {
      TableWrites writes = new TableWrites(postgres, database);
      UUID profile = roster.createProfile(settings, mode);
      Measured full = measure(roster, profile, RunMode.FULL, writes, mode, "full sync");
      Measured same = measure(roster, profile, RunMode.FULL, writes, mode, "no-change re-sync");
      int changed = changes.changeEveryHundredthTitle();
      Measured inc = measure(roster, profile, RunMode.INCREMENTAL, writes, mode, "incremental");
      System.out.printf(Locale.ROOT, "  %-8s round: full %.2f s, no-change %.2f s, incremental %.2f s%n",
          mode, full.seconds(), same.seconds(), inc.seconds());
      return new Round(full, same, inc, changed);
    } finally {
      if (!settings.keepDatabases()) {
        postgres.drop(database);
      }
    }
  }

  private Phase phase(String mode, String name, List<Round> rounds, Function<Round, Measured> pick,
      Function<Round, Check> check, double reference, double limit, String of) {
    List<Round> bySeconds = new ArrayList<>(rounds);
    bySeconds.sort(Comparator.comparingDouble(r -> pick.apply(r).seconds()));
    Round median = bySeconds.get((bySeconds.size() - 1) / 2);
    Measured m = pick.apply(median);
    List<Check> checks = rounds.stream().map(check).toList();
    boolean ok = checks.stream().allMatch(Check::ok);
    HeapMeter.Use heapPeak = rounds.stream().map(r -> pick.apply(r).heap())
        .max(Comparator.comparingDouble(HeapMeter.Use::peakMb)).orElseThrow();
    StringBuilder detail = new StringBuilder();
    if (rounds.size() > 1) {
      detail.append("median of ").append(rounds.stream()
          .map(r -> String.format(Locale.ROOT, "%.2f", pick.apply(r).seconds()))
          .collect(Collectors.joining(" / "))).append(" s; ");
    }
    detail.append(check.apply(median).detail());
    checks.stream().filter(c -> !c.ok()).findFirst()
        .ifPresent(c -> detail.append(" || a failing round: ").append(c.detail()));
    return Phase.measured(mode, name, m.seconds(), reference, limit, of, ok, heapPeak, m.cpu(),
        detail.toString(), m.calls());
  }

  private Measured measure(RosterInstance roster, UUID profile, RunMode mode, TableWrites writes,
      String membership, String phase) {
    TableWrites.Snapshot before = writes.snapshot();
    System.gc();
    heap.start();
    PhaseEvent event = new PhaseEvent(membership, phase);
    times.reset();
    cpu.start();
    event.begin();
    long start = System.nanoTime();
    SyncRun run = roster.run(profile, mode);
    long nanos = System.nanoTime() - start;
    event.commit();
    CpuMeter.Use cpuUse = cpu.stop();
    HeapMeter.Use use = heap.stop();
    List<CallTimes.Total> calls = new ArrayList<>(times.totals());
    if (settings.breakdown()) {
      long rest = nanos - times.topLevelNanos();
      calls.add(new CallTimes.Total("(RunSyncService/RunExecution outside ports)", 1, rest, rest));
      calls.sort(Comparator.comparingLong(CallTimes.Total::ownNanos).reversed());
    }
    return new Measured(run, nanos / 1e9, use, cpuUse, writes.since(before), calls);
  }

  private Check full(Measured m, RawInsert.Result raw) {
    TableWrites.Written w = m.written();
    boolean rowsMatch = w.touched("app_user") == raw.users() && w.touched("grp") == raw.groups()
        && w.touched("group_parent") == raw.groupParents()
        && w.touched("user_group") == raw.memberships();
    boolean ok = m.succeeded() && m.count(EntryOutcome.CREATED) == settings.users() && rowsMatch;
    return new Check(ok, String.format(Locale.ROOT,
        "%s; rows written: %s; same rows as the raw insert: %s", m.summary(), w.describe(),
        rowsMatch ? "yes" : "NO"));
  }

  private Check noChange(Measured m) {
    TableWrites.Written w = m.written();
    // the run's own "run succeeded" audit event is history of the run, not of an entry
    boolean zeroWrites = w.dataRows() == 0 && w.touched("run_entry") == 0
        && w.touched("audit_event") <= 1;
    boolean ok = m.succeeded() && m.count(EntryOutcome.UNCHANGED) == settings.users() && zeroWrites;
    return new Check(ok, String.format(Locale.ROOT, "%s; rows written: %s; zero entry writes: %s",
        m.summary(), w.describe(), zeroWrites ? "yes" : "NO"));
  }

  private Check incremental(Round r) {
    Measured m = r.inc();
    TableWrites.Written w = m.written();
    boolean incremental = m.run().counts().entriesRead() < settings.users();
    boolean ok = m.succeeded() && incremental && m.count(EntryOutcome.UPDATED) == r.changed()
        && w.touched("app_user") == r.changed();
    return new Check(ok, String.format(Locale.ROOT,
        "%d users' title changed in slapd; %s; rows written: %s", r.changed(), m.summary(),
        w.describe()));
  }
}
