package org.roster.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.KnownUser;
import org.roster.application.port.out.RunStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.Exclusions;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.SyncRun;

/**
 * The state of one run while it applies: counts, the users the profile knew and the run has not
 * seen yet, the group index, the licence pool, and the buffers of report lines and audit events.
 * Confined to the run's thread. An admin's seat release outside any run uses one too ({@link
 * #forAdmin}): no run, no profile, no report, the admin as actor.
 */
final class RunContext {
  private static final int FLUSH_AT = 2000;

  /** The run; null for an admin's action. */
  final SyncRun run;
  /** The run's profile; null for an admin's action. */
  final Profile profile;
  /** Who audit events name: the profile, or the admin. */
  private final String actor;
  final Clock clock;
  final boolean full;
  final RunCounts counts = new RunCounts();
  /**
   * Users the profile knew, by external id; an entry is removed once the source shows it. The
   * map the known users were loaded into is taken over as it is (see {@link UserPhase}).
   */
  Map<String, KnownUser> unseen = new HashMap<>();
  final Exclusions exclusions;
  GroupIndex groups = GroupIndex.EMPTY;
  LicencePool pool;
  boolean reevaluateAll;
  int liveUsersAtStart;
  /** Users of the profile that are not DELETED now, minus those at the start (this run's doing). */
  int liveDelta;

  private final RunStore runStore;
  private final AuditStore auditStore;
  private final List<RunEntry> report = new ArrayList<>();
  private final List<AuditEvent> audit = new ArrayList<>();
  private long seq;

  RunContext(SyncRun run, Profile profile, Clock clock, boolean full, Exclusions exclusions,
      LicencePool pool, RunStore runStore, AuditStore auditStore) {
    this.run = run;
    this.profile = profile;
    this.actor = profile == null ? null : profile.actor();
    this.clock = clock;
    this.full = full;
    this.exclusions = exclusions;
    this.pool = pool;
    this.runStore = runStore;
    this.auditStore = auditStore;
  }

  private RunContext(String actor, Clock clock, LicencePool pool, AuditStore auditStore) {
    this.run = null;
    this.profile = null;
    this.actor = actor;
    this.clock = clock;
    this.full = false;
    this.exclusions = Exclusions.NONE;
    this.pool = pool;
    this.runStore = null;
    this.auditStore = auditStore;
  }

  /** The context of an admin's direct action on users: audited with the admin as actor. */
  static RunContext forAdmin(String actor, Clock clock, LicencePool pool, AuditStore auditStore) {
    return new RunContext(actor, clock, pool, auditStore);
  }

  Instant now() {
    return clock.instant();
  }

  /** Counts a user outcome and reports it unless it is UNCHANGED. */
  void userOutcome(EntryOutcome outcome, String externalId, String name, String location, String detail) {
    counts.add(outcome);
    if (outcome != EntryOutcome.UNCHANGED) {
      report("USER", externalId, name, location, outcome, detail);
    }
  }

  void report(String kind, String externalId, String name, String location, EntryOutcome outcome,
      String detail) {
    if (run == null) {
      return; // an admin's action has no run report; its audit events say what it did
    }
    report.add(new RunEntry(run.id(), ++seq, kind, externalId, name, location, outcome, detail));
    if (report.size() >= FLUSH_AT) {
      flushReport();
    }
  }

  void audit(AuditCategory category, String action, UUID objectId, String objectName,
      Map<String, String> before, Map<String, String> after, String detail) {
    audit.add(new AuditEvent(UUID.randomUUID(), now(), run == null ? null : run.id(), actor, category, action,
        objectId, objectName, before, after, detail));
    if (audit.size() >= FLUSH_AT) {
      flushAudit();
    }
  }

  void flushReport() {
    if (!report.isEmpty()) {
      runStore.appendReport(List.copyOf(report));
      report.clear();
    }
  }

  void flushAudit() {
    if (!audit.isEmpty()) {
      auditStore.appendAll(List.copyOf(audit));
      audit.clear();
    }
  }
}
