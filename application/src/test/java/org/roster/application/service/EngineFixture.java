package org.roster.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roster.application.fake.FakeConnector;
import org.roster.application.fake.FakeSource;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.domain.identity.User;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncPolicy;
import org.roster.domain.sync.SyncRun;

/** The engine wired to in-memory stores and a fake directory; runs execute on the test thread. */
final class EngineFixture {
  final InMemoryStores stores = new InMemoryStores();
  final FakeConnector connector = new FakeConnector();
  final MutableClock clock = new MutableClock();
  final RunSyncService runs;
  Profile profile;

  EngineFixture(SyncPolicy policy) {
    ConnectorRegistry registry = new ConnectorRegistry(List.of(connector));
    SyncEngine engine = new SyncEngine(stores.db, new SyncEngine.Stores(stores.users, stores.groups,
        stores.roles, stores.licences, stores.exclusions, stores.profiles, stores.audit, stores.runs,
        stores.imports), clock);
    RunExecution execution = new RunExecution(stores.profiles, stores.runs, stores.audit,
        registry, engine, clock);
    runs = new RunSyncService(stores.profiles, stores.runs, execution, Runnable::run, clock, "node-1",
        Duration.ofMinutes(1));
    profile = new Profile(UUID.randomUUID(), "corp", "fake", Map.of(), policy, true, clock.instant(), clock.instant());
    stores.profiles.save(profile);
  }

  FakeSource source() {
    return connector.source;
  }

  SyncRun run(RunMode mode) {
    clock.tick();
    SyncRun queued = runs.request(new RequestRunCommand(profile.id(), mode, RunTrigger.MANUAL, "admin:test"));
    return stores.runs.find(queued.id()).orElseThrow();
  }

  SyncRun run() {
    return run(RunMode.FULL);
  }

  User user(String externalId) {
    return stores.db.users.values().stream().filter(u -> externalId.equals(u.externalId())).findFirst()
        .orElseThrow(() -> new AssertionError("no user with external id " + externalId));
  }

  List<RunEntry> report(SyncRun run) {
    return stores.runs.report.stream().filter(e -> e.runId().equals(run.id())).toList();
  }

  void policy(SyncPolicy policy) {
    profile = new Profile(profile.id(), profile.name(), profile.type(), profile.settings(), policy,
        true, profile.createdAt(), clock.instant());
    stores.profiles.save(profile);
  }

  /** A clock tests move forward; every run starts a second later than the last. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-21T08:00:00Z");

    void tick() {
      now = now.plusSeconds(1);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
