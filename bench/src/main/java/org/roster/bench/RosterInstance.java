package org.roster.bench;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.LicenceStore;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.RunStore;
import org.roster.application.port.out.ScheduleStore;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserStore;
import org.roster.application.service.ConnectorRegistry;
import org.roster.application.service.ProfileService;
import org.roster.application.service.RunExecution;
import org.roster.application.service.RunSyncService;
import org.roster.application.service.ScheduleService;
import org.roster.application.service.SyncEngine;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.ldap.LdapConnectorFactory;
import org.roster.domain.sync.DeletionThreshold;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncPolicy;
import org.roster.domain.sync.SyncRun;

/**
 * Roster's real sync path on one database: the store's beans in a Micronaut context (Flyway
 * migrates the fresh database), the services wired as the server wires them, and a run executor
 * that runs on the calling thread, so that {@link #run} returns when the run has ended.
 */
final class RosterInstance implements AutoCloseable {
  private final ApplicationContext context;
  private final RunStore runs;
  private final RunSyncService runService;
  private final ProfileService profileService;

  /**
   * @param times wraps every port the engine uses (stores, transactions, the connector) to time
   *     its calls
   */
  RosterInstance(String jdbcUrl, CallTimes times) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("datasources.default.url", jdbcUrl);
    properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    properties.put("datasources.default.username", "postgres");
    properties.put("datasources.default.password", "");
    properties.put("datasources.default.maximum-pool-size", 4);
    properties.put("flyway.datasources.default.enabled", true);
    context = ApplicationContext.builder().properties(properties).deduceEnvironment(false).start();
    Clock clock = Clock.systemUTC();
    ProfileStore profiles = times.wrap(context.getBean(ProfileStore.class), "ProfileStore");
    AuditStore audit = times.wrap(context.getBean(AuditStore.class), "AuditStore");
    LicenceStore licences = times.wrap(context.getBean(LicenceStore.class), "LicenceStore");
    runs = times.wrap(context.getBean(RunStore.class), "RunStore");
    ConnectorRegistry connectors = new ConnectorRegistry(
        List.of(times.wrap((ConnectorFactory) new LdapConnectorFactory(), "Connector")));
    SyncEngine engine = new SyncEngine(
        times.wrap(context.getBean(Transactions.class), "Transactions"),
        new SyncEngine.Stores(times.wrap(context.getBean(UserStore.class), "UserStore"),
            times.wrap(context.getBean(GroupStore.class), "GroupStore"),
            times.wrap(context.getBean(RoleStore.class), "RoleStore"), licences,
            times.wrap(context.getBean(ExclusionStore.class), "ExclusionStore"), profiles, audit,
            runs, context.getBean(org.roster.application.port.out.ImportStore.class)), clock);
    RunExecution execution =
        new RunExecution(profiles, runs, audit, connectors, engine, clock);
    runService = new RunSyncService(profiles, runs, execution, Runnable::run, clock, "bench",
        Duration.ofHours(1));
    ScheduleService schedules = new ScheduleService(profiles,
        context.getBean(ScheduleStore.class), runService, clock);
    profileService = new ProfileService(profiles, audit, connectors, schedules, clock);
  }

  /**
   * An OpenLDAP profile over the whole directory: membership from {@code membershipAttribute},
   * licences granted (the pool is unlimited in a fresh database), no deletion threshold to trip,
   * no full reconcile due within a year.
   */
  UUID createProfile(BenchSettings s, String membershipAttribute) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("flavour", "openldap");
    settings.put("url", s.ldapUrl());
    settings.put("bindDn", s.bindDn());
    settings.put("bindPassword", s.bindPassword());
    settings.put("baseDn", s.baseDn());
    settings.put("membershipAttribute", membershipAttribute);
    settings.put("pageSize", RawRead.PAGE);
    settings.put("fullReconcileHours", 24 * 365);
    SyncPolicy policy = new SyncPolicy(true, true, false, true, true, Set.of(), List.of(),
        List.of(), new DeletionThreshold(100, Integer.MAX_VALUE));
    return profileService.create(new SaveProfileCommand("bench " + membershipAttribute, "ldap",
        settings, policy, true), "bench").id();
  }

  /** Runs the profile now, on this thread; the ended run. */
  SyncRun run(UUID profileId, RunMode mode) {
    SyncRun queued = runService.request(
        new RequestRunCommand(profileId, mode, RunTrigger.MANUAL, "bench"));
    return runs.find(queued.id()).orElseThrow();
  }

  @Override
  public void close() {
    context.close();
  }
}
