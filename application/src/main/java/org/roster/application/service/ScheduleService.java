package org.roster.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.QuerySchedulesUseCase;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.in.ScheduleStatus;
import org.roster.application.port.out.ProfileState;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.ScheduleSlot;
import org.roster.application.port.out.ScheduleStore;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts scheduled runs. Each poll takes the profiles whose slot is due, moves each slot on to the
 * schedule's next time after now (a compare-and-set in the database: of several nodes exactly one
 * wins) and, on the winning node, asks for a run with trigger SCHEDULE. Slots missed while every
 * node was down are due at the first poll after a start: the profile runs once, not once per
 * missed slot, and its schedule goes on from now. A profile whose run is still going or waits for
 * confirmation skips the slot.
 */
public final class ScheduleService implements QuerySchedulesUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
  /** The actor scheduled runs carry. */
  public static final String ACTOR = "schedule";
  /** A slot this late was missed (the server was down), not merely reached by the poll. */
  private static final Duration MISSED_AFTER = Duration.ofMinutes(1);

  private final ProfileStore profiles;
  private final ScheduleStore schedules;
  private final RunSyncService runs;
  private final Clock clock;

  public ScheduleService(ProfileStore profiles, ScheduleStore schedules, RunSyncService runs,
      Clock clock) {
    this.profiles = profiles;
    this.schedules = schedules;
    this.runs = runs;
    this.clock = clock;
  }

  /** Starts the scheduled runs that are due; call every few seconds on every node. */
  public void poll() {
    Instant now = clock.instant();
    for (ScheduleSlot slot : schedules.due(now)) {
      Optional<Profile> profile = profiles.find(slot.profileId());
      if (profile.isEmpty() || !profile.get().scheduled()) {
        schedules.claim(slot.profileId(), slot.nextRunAt(), null); // deleted or disabled meanwhile
        continue;
      }
      Profile p = profile.get();
      Instant next = p.schedule().timing().next(now);
      if (schedules.claim(p.id(), slot.nextRunAt(), next)) {
        start(p, slot.nextRunAt(), next, now);
      }
    }
  }

  private void start(Profile p, Instant due, Instant next, Instant now) {
    if (Duration.between(due, now).compareTo(MISSED_AFTER) > 0) {
      LOG.info("profile '{}' missed its scheduled run of {} (no node was running): it runs once now",
          p.name(), due);
    }
    RunMode mode = modeOf(p.id(), p.schedule(), now);
    try {
      SyncRun run = runs.request(new RequestRunCommand(p.id(), mode, RunTrigger.SCHEDULE, ACTOR));
      schedules.started(p.id(), run.id(), run.requestedAt());
      LOG.info("scheduled run {} of profile '{}' queued ({}); next at {}", run.id(), p.name(),
          mode.wireName(), next);
    } catch (ConflictException e) {
      LOG.info("profile '{}' skips its scheduled run of {}: {}; next at {}", p.name(), due,
          e.getMessage(), next);
    } catch (NotFoundException e) {
      LOG.info("profile '{}' was deleted before its scheduled run of {}", p.name(), due);
    }
  }

  private RunMode modeOf(UUID profileId, ProfileSchedule schedule, Instant now) {
    ProfileState state = profiles.state(profileId);
    return schedule.runModeAt(now, state.syncToken() != null, state.lastFullRunAt());
  }

  /**
   * Plans a profile's next scheduled run after it was created or changed: from now when its
   * schedule's timing changed or it was enabled again; kept otherwise (renaming a profile does not
   * move its run); cleared when it has no schedule or is disabled.
   *
   * @param old the profile before the change; null when it was just created
   */
  public void saved(Profile old, Profile saved) {
    if (!saved.scheduled()) {
      schedules.plan(saved.id(), null);
      return;
    }
    boolean sameTiming = old != null && old.scheduled()
        && old.schedule().timing().equals(saved.schedule().timing());
    if (!sameTiming || schedules.find(saved.id()).nextRunAt() == null) {
      schedules.plan(saved.id(), saved.schedule().timing().next(clock.instant()));
    }
  }

  /** Forgets a deleted profile's schedule. */
  public void deleted(UUID profileId) {
    schedules.forget(profileId);
  }

  @Override
  public ScheduleStatus status(UUID profileId) {
    return status(schedules.find(profileId));
  }

  @Override
  public Map<UUID, ScheduleStatus> statuses() {
    Map<UUID, ScheduleStatus> out = new HashMap<>();
    schedules.all().forEach(s -> out.put(s.profileId(), status(s)));
    return out;
  }

  private static ScheduleStatus status(ScheduleSlot s) {
    return new ScheduleStatus(s.nextRunAt(), s.lastRunAt(), s.lastRunId());
  }
}
