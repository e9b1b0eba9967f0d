package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.FakeConnector;
import org.roster.application.fake.FakeIncrementalSource;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.application.port.in.ScheduleStatus;
import org.roster.application.port.out.ProfileState;
import org.roster.domain.schedule.Cron;
import org.roster.domain.schedule.Daily;
import org.roster.domain.schedule.EveryHours;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.schedule.ScheduleMode;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;

/** Scheduled runs on a fixed clock: planning, due slots, missed slots, busy profiles, two nodes. */
class ScheduleServiceTest {
  static final ZoneId UTC = ZoneOffset.UTC;
  static final ProfileSchedule HOURLY = ProfileSchedule.of(new EveryHours(1, 0, UTC));
  static final ProfileSchedule DAILY_0230 = ProfileSchedule.of(new Daily(LocalTime.of(2, 30), UTC));

  final InMemoryStores stores = new InMemoryStores();
  final FakeConnector connector = new FakeConnector();
  final FixedClock clock = new FixedClock(Instant.parse("2025-01-10T10:20:00Z"));
  /** Runs are queued here and carried out only when a test says so. */
  final List<Runnable> queued = new ArrayList<>();
  final Node nodeA = new Node("node-a");
  final ProfileService profiles =
      new ProfileService(stores.profiles, stores.audit, new ConnectorRegistry(List.of(connector)),
          nodeA.schedules, clock);

  /** One server's services over the shared stores. */
  final class Node {
    final RunSyncService runs;
    final ScheduleService schedules;

    Node(String name) {
      ConnectorRegistry registry = new ConnectorRegistry(List.of(connector));
      SyncEngine engine = new SyncEngine(stores.db, new SyncEngine.Stores(stores.users,
          stores.groups, stores.roles, stores.licences, stores.exclusions, stores.profiles,
          stores.audit, stores.runs, stores.imports), clock);
      RunExecution execution = new RunExecution(stores.profiles, stores.runs, stores.audit,
          registry, engine, clock);
      Executor later = queued::add;
      runs = new RunSyncService(stores.profiles, stores.runs, execution, later, clock, name,
          Duration.ofSeconds(60));
      schedules = new ScheduleService(stores.profiles, stores.schedules, runs, clock);
    }
  }

  Profile create(ProfileSchedule schedule) {
    return profiles.create(new SaveProfileCommand("corp", "fake", Map.of(), null, true, schedule),
        "admin:test");
  }

  Profile update(Profile p, ProfileSchedule schedule, boolean enabled, String name) {
    return profiles.update(p.id(), new SaveProfileCommand(name, "fake", Map.of(), null, enabled,
        schedule), "admin:test");
  }

  Instant next(Profile p) {
    return nodeA.schedules.status(p.id()).nextRunAt();
  }

  List<SyncRun> runsOf(Profile p) {
    return stores.runs.runs.values().stream().filter(r -> r.profileId().equals(p.id()))
        .sorted(Comparator.comparing(SyncRun::requestedAt)).toList();
  }

  void runQueued() {
    List<Runnable> now = List.copyOf(queued);
    queued.clear();
    now.forEach(Runnable::run);
  }

  @Test
  void aNewProfilesNextRunIsTheSchedulesNextTimeAfterNow() {
    Profile p = create(DAILY_0230);

    assertThat(next(p)).isEqualTo(Instant.parse("2025-01-11T02:30:00Z"));
    Profile manual = create(null, "manual");
    assertThat(next(manual)).isNull();
  }

  private Profile create(ProfileSchedule schedule, String name) {
    return profiles.create(new SaveProfileCommand(name, "fake", Map.of(), null, true, schedule),
        "admin:test");
  }

  @Test
  void savingKeepsTheSlotUnlessTheTimingChangesOrTheProfileIsEnabledAgain() {
    Profile p = create(HOURLY);
    assertThat(next(p)).isEqualTo(Instant.parse("2025-01-10T11:00:00Z"));

    clock.set("2025-01-10T10:50:00Z");
    ProfileSchedule fullHourly = new ProfileSchedule(HOURLY.timing(), ScheduleMode.FULL, 24);
    p = update(p, fullHourly, true, "renamed");
    assertThat(next(p)).as("a new name and mode keep the slot").isEqualTo(Instant.parse("2025-01-10T11:00:00Z"));

    p = update(p, DAILY_0230, true, "renamed");
    assertThat(next(p)).as("a new timing plans from now").isEqualTo(Instant.parse("2025-01-11T02:30:00Z"));

    p = update(p, DAILY_0230, false, "renamed");
    assertThat(next(p)).as("disabled: no scheduled runs").isNull();

    clock.set("2025-01-12T09:00:00Z");
    p = update(p, DAILY_0230, true, "renamed");
    assertThat(next(p)).as("enabled again: from now, not the slots it missed while disabled")
        .isEqualTo(Instant.parse("2025-01-13T02:30:00Z"));

    p = update(p, null, true, "renamed");
    assertThat(next(p)).as("no schedule").isNull();

    Profile gone = p;
    profiles.delete(gone.id(), "admin:test");
    assertThat(nodeA.schedules.status(gone.id())).isEqualTo(ScheduleStatus.NONE);
  }

  @Test
  void aDueSlotQueuesOneScheduledRunAndMovesOnToTheNextTime() {
    Profile p = create(HOURLY);
    nodeA.schedules.poll();
    assertThat(runsOf(p)).as("not due yet").isEmpty();

    clock.set("2025-01-10T11:00:00Z");
    nodeA.schedules.poll();
    nodeA.schedules.poll();

    assertThat(runsOf(p)).singleElement().satisfies(r -> {
      assertThat(r.trigger()).isEqualTo(RunTrigger.SCHEDULE);
      assertThat(r.requestedBy()).isEqualTo("schedule");
      assertThat(r.mode()).isEqualTo(RunMode.FULL);
      assertThat(r.status()).isEqualTo(RunStatus.QUEUED);
    });
    ScheduleStatus status = nodeA.schedules.status(p.id());
    assertThat(status.nextRunAt()).isEqualTo(Instant.parse("2025-01-10T12:00:00Z"));
    assertThat(status.lastRunAt()).isEqualTo(Instant.parse("2025-01-10T11:00:00Z"));
    assertThat(status.lastRunId()).isEqualTo(runsOf(p).get(0).id());
    assertThat(nodeA.schedules.statuses()).containsEntry(p.id(), status);

    runQueued();
    assertThat(runsOf(p).get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void slotsMissedWhileNoNodeRanRunOnceAndTheScheduleGoesOnFromNow() {
    Profile p = create(HOURLY);
    // every node was down from 10:20 until 15:42: five hourly slots passed
    clock.set("2025-01-10T15:42:10Z");
    nodeA.schedules.poll();
    nodeA.schedules.poll();

    assertThat(runsOf(p)).hasSize(1);
    assertThat(next(p)).isEqualTo(Instant.parse("2025-01-10T16:00:00Z"));
  }

  @Test
  void ofTwoNodesPollingTheSameSlotOnlyOneQueuesTheRun() {
    Profile p = create(HOURLY);
    Node nodeB = new Node("node-b");
    clock.set("2025-01-10T11:00:01Z");

    nodeA.schedules.poll();
    nodeB.schedules.poll();

    assertThat(runsOf(p)).hasSize(1);
  }

  @Test
  void aProfileWhoseRunIsStillGoingOrWaitingSkipsTheSlot() {
    Profile p = create(HOURLY);
    SyncRun manual = nodeA.runs.request(new RequestRunCommand(p.id(), RunMode.FULL, RunTrigger.MANUAL, "admin:test"));
    clock.set("2025-01-10T11:00:00Z");

    nodeA.schedules.poll();

    assertThat(runsOf(p)).containsExactly(manual);
    assertThat(next(p)).as("the slot is used up").isEqualTo(Instant.parse("2025-01-10T12:00:00Z"));
    assertThat(nodeA.schedules.status(p.id()).lastRunId()).isNull();

    runQueued();
    clock.set("2025-01-10T12:00:00Z");
    nodeA.schedules.poll();
    assertThat(runsOf(p)).hasSize(2);
    assertThat(runsOf(p).get(1).trigger()).isEqualTo(RunTrigger.SCHEDULE);
  }

  @Test
  void incrementalRunsBetweenFullReconciles() {
    FakeIncrementalSource source = new FakeIncrementalSource();
    source.all.user("u1", "ann");
    connector.incremental = source;
    Profile p = create(new ProfileSchedule(Cron.of("0 */6 * * *", UTC), ScheduleMode.INCREMENTAL, 24));

    List<RunMode> modes = new ArrayList<>();
    for (String at : List.of("2025-01-10T12:00:00Z", "2025-01-10T18:00:00Z", "2025-01-11T00:00:00Z",
        "2025-01-11T06:00:00Z", "2025-01-11T12:00:00Z", "2025-01-11T18:00:00Z")) {
      clock.set(at);
      nodeA.schedules.poll();
      runQueued();
      modes.add(runsOf(p).get(runsOf(p).size() - 1).mode());
    }

    assertThat(runsOf(p)).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
    assertThat(modes).containsExactly(RunMode.FULL, RunMode.INCREMENTAL, RunMode.INCREMENTAL,
        RunMode.INCREMENTAL, RunMode.FULL, RunMode.INCREMENTAL);
  }

  @Test
  void sourcesWithoutAWatermarkAndFullModeAlwaysRunFull() {
    Profile p = create(HOURLY);
    stores.profiles.saveState(new ProfileState(p.id(), null, "fp", clock.instant()));
    clock.set("2025-01-10T11:00:00Z");
    nodeA.schedules.poll();
    assertThat(runsOf(p).get(0).mode()).isEqualTo(RunMode.FULL);

    runQueued();
    update(p, new ProfileSchedule(HOURLY.timing(), ScheduleMode.FULL, 24), true, "corp");
    stores.profiles.saveState(new ProfileState(p.id(), "v1", "fp", clock.instant()));
    clock.set("2025-01-10T12:00:00Z");
    nodeA.schedules.poll();
    assertThat(runsOf(p).get(1).mode()).isEqualTo(RunMode.FULL);
  }

  @Test
  void aProfileDisabledBehindTheSchedulersBackIsNotRun() {
    Profile p = create(HOURLY);
    stores.profiles.save(new Profile(p.id(), p.name(), p.type(), p.settings(), p.policy(), false,
        p.createdAt(), p.updatedAt(), p.schedule()));
    clock.set("2025-01-10T11:00:00Z");

    nodeA.schedules.poll();

    assertThat(runsOf(p)).isEmpty();
    assertThat(next(p)).isNull();
  }

  @Test
  void anotherNodeTakesOverTheRunsOfANodeWhoseLeaseExpired() {
    Profile p = create(HOURLY);
    Profile files = create(null, "files");
    Node nodeB = new Node("node-b");
    clock.set("2025-01-10T11:00:00Z");
    nodeA.schedules.poll(); // node A queues the scheduled run, then dies before it ends
    SyncRun dead = runsOf(p).get(0);
    SyncRun fileRun = nodeA.runs.request(new RequestRunCommand(files.id(), RunMode.FULL, RunTrigger.FILE, "drop-folder"));
    queued.clear();

    clock.set("2025-01-10T11:01:00Z");
    assertThat(nodeB.runs.takeOverExpired()).as("the lease still runs").isEmpty();

    clock.set("2025-01-10T11:01:01Z");
    List<SyncRun> again = nodeB.runs.takeOverExpired();

    assertThat(stores.runs.find(dead.id()).orElseThrow().status()).isEqualTo(RunStatus.ABORTED);
    assertThat(stores.runs.find(dead.id()).orElseThrow().error()).contains("node-b took the profile over");
    assertThat(stores.runs.find(fileRun.id()).orElseThrow().status())
        .as("a dropped file is taken again from its folder, not run again").isEqualTo(RunStatus.ABORTED);
    assertThat(again).singleElement().satisfies(r -> {
      assertThat(r.profileId()).isEqualTo(p.id());
      assertThat(r.trigger()).isEqualTo(RunTrigger.SCHEDULE);
      assertThat(r.mode()).isEqualTo(dead.mode());
    });
    assertThat(nodeA.runs.takeOverExpired()).as("taken over once").isEmpty();

    runQueued();
    assertThat(runsOf(p)).extracting(SyncRun::status).containsExactly(RunStatus.ABORTED, RunStatus.SUCCEEDED);
    assertThat(stores.audit.committed).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("run taken over");
      assertThat(e.actor()).isEqualTo("node:node-b");
    });
  }

  @Test
  void aLiveNodesRunsAreNotTakenOver() {
    Profile p = create(HOURLY);
    Node nodeB = new Node("node-b");
    SyncRun run = nodeA.runs.request(new RequestRunCommand(p.id(), RunMode.FULL, RunTrigger.MANUAL, "admin:test"));
    for (int i = 0; i < 8; i++) {
      clock.advance(Duration.ofSeconds(15));
      nodeA.runs.renewLeases();
      assertThat(nodeB.runs.takeOverExpired()).isEmpty();
    }
    assertThat(stores.runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
  }

  /** A clock a test sets. */
  static final class FixedClock extends Clock {
    private Instant now;

    FixedClock(Instant now) {
      this.now = now;
    }

    void set(String instant) {
      now = Instant.parse(instant);
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
