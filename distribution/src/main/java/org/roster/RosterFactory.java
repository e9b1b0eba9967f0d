package org.roster;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.CredentialStore;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.ImportStore;
import org.roster.application.port.out.LicenceStore;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.RunObserver;
import org.roster.application.port.out.RunStore;
import org.roster.application.port.out.ScheduleStore;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserStore;
import org.roster.application.port.in.VerifyLoginUseCase;
import org.roster.application.port.out.ApiTokenStore;
import org.roster.application.service.AdminAccessService;
import org.roster.application.service.AdminAccountService;
import org.roster.application.service.ApiTokenService;
import org.roster.application.service.LoginThrottle;
import org.roster.application.service.ThrottledLogins;
import org.roster.application.service.AuditQueryService;
import org.roster.application.service.ConnectorRegistry;
import org.roster.application.service.DirectorySearchService;
import org.roster.application.service.DropFolderService;
import org.roster.application.service.ExclusionService;
import org.roster.application.service.GroupQueryService;
import org.roster.application.service.ImportService;
import org.roster.application.service.LicenceService;
import org.roster.application.service.LoginService;
import org.roster.application.service.PasswordHasher;
import org.roster.application.service.ProfileService;
import org.roster.application.service.RunExecution;
import org.roster.application.service.RunQueryService;
import org.roster.application.service.RoleService;
import org.roster.application.service.RunSyncService;
import org.roster.application.service.SecretBox;
import org.roster.application.service.ScheduleService;
import org.roster.application.service.SyncEngine;
import org.roster.application.service.UserAdminService;
import org.roster.application.service.UserQueryService;
import org.roster.connector.api.ConnectorFactory;

/**
 * Wires the application's services (plain classes) to the store's adapters and the connectors.
 * The web module finds the services through the use-case interfaces they implement.
 */
@Factory
public class RosterFactory {
  /** PBKDF2 iterations for admin and local users' passwords (OWASP 2023 for PBKDF2-HMAC-SHA256). */
  static final int PASSWORD_ITERATIONS = 210_000;

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  RunTimings runTimings(@Value("${roster.runs.lease:60s}") Duration lease,
      @Value("${roster.runs.poll:2s}") Duration poll) {
    return new RunTimings(lease, poll);
  }

  /** The key that seals the profiles' secrets at rest (see {@link SecretKeyMaterial}). */
  @Singleton
  SecretBox secretBox(@Value("${roster.secrets.key:}") String key,
      @Value("${roster.secrets.key-file:}") String keyFile, DataDirectory dataDir) {
    return SecretKeyMaterial.load(key,
        keyFile.isBlank() ? dataDir.resolve("secret.key") : Path.of(keyFile));
  }

  @Singleton
  ConnectorRegistry connectorRegistry(List<ConnectorFactory> factories, SecretBox secrets) {
    return new ConnectorRegistry(factories, secrets);
  }

  @Singleton
  SyncEngine syncEngine(Transactions tx, UserStore users, GroupStore groups, RoleStore roles,
      LicenceStore licences, ExclusionStore exclusions, ProfileStore profiles, AuditStore audit,
      RunStore runs, ImportStore imports, Clock clock) {
    return new SyncEngine(tx, new SyncEngine.Stores(users, groups, roles, licences, exclusions,
        profiles, audit, runs, imports), clock);
  }

  @Singleton
  RunExecution runExecution(ProfileStore profiles, RunStore runs, AuditStore audit,
      ConnectorRegistry connectors, SyncEngine engine, Clock clock, List<RunObserver> observers) {
    return new RunExecution(profiles, runs, audit, connectors, engine, clock, observers);
  }

  /**
   * Queues and confirms runs. Runs cut off by an earlier crash are marked ABORTED here, before the
   * service can be used by anyone, so no new run waits behind a dead one.
   */
  @Singleton
  RunSyncService runSyncService(ProfileStore profiles, RunStore runs, RunExecution execution,
      RunThreads threads, Clock clock, NodeId node, RunTimings timings) {
    RunSyncService service = new RunSyncService(profiles, runs, execution, threads.executor(), clock,
        node.value(), timings.lease());
    service.abortOrphans();
    return service;
  }

  @Singleton
  DropFolderService dropFolderService(ProfileStore profiles, RunStore runs,
      ConnectorRegistry connectors, RunSyncService runService) {
    return new DropFolderService(profiles, runs, connectors, runService);
  }

  @Singleton
  ScheduleService scheduleService(ProfileStore profiles, ScheduleStore schedules,
      RunSyncService runService, Clock clock) {
    return new ScheduleService(profiles, schedules, runService, clock);
  }

  @Singleton
  ProfileService profileService(ProfileStore profiles, AuditStore audit,
      ConnectorRegistry connectors, ScheduleService schedules, Clock clock) {
    return new ProfileService(profiles, audit, connectors, schedules, clock);
  }

  @Singleton
  RunQueryService runQueryService(RunStore runs) {
    return new RunQueryService(runs);
  }

  @Singleton
  UserQueryService userQueryService(UserStore users, GroupStore groups, RoleStore roles) {
    return new UserQueryService(users, groups, roles);
  }

  @Singleton
  AuditQueryService auditQueryService(AuditStore audit) {
    return new AuditQueryService(audit);
  }

  @Singleton
  DirectorySearchService directorySearchService(ProfileStore profiles, UserStore users,
      GroupStore groups, ConnectorRegistry connectors, Clock clock) {
    return new DirectorySearchService(profiles, users, groups, connectors, clock);
  }

  @Singleton
  LoginService loginService(UserStore users, ProfileStore profiles, ConnectorRegistry connectors,
      CredentialStore credentials, Clock clock) {
    return new LoginService(users, profiles, connectors, credentials,
        new PasswordHasher(PASSWORD_ITERATIONS), clock);
  }

  @Singleton
  UserAdminService userAdminService(Transactions tx, UserStore users, ProfileStore profiles,
      LicenceStore licences, CredentialStore credentials, AuditStore audit, Clock clock) {
    return new UserAdminService(tx, users, profiles, licences, credentials, audit,
        new PasswordHasher(PASSWORD_ITERATIONS), clock);
  }

  @Singleton
  RoleService roleService(Transactions tx, RoleStore roles, GroupStore groups,
      ExclusionStore exclusions, AuditStore audit, Clock clock) {
    return new RoleService(tx, roles, groups, exclusions, audit, clock);
  }

  @Singleton
  GroupQueryService groupQueryService(GroupStore groups, RoleStore roles) {
    return new GroupQueryService(groups, roles);
  }

  @Singleton
  ExclusionService exclusionService(Transactions tx, ExclusionStore exclusions, UserStore users,
      GroupStore groups, RoleStore roles, AuditStore audit, Clock clock) {
    return new ExclusionService(tx, exclusions, users, groups, roles, audit, clock);
  }

  @Singleton
  LicenceService licenceService(Transactions tx, LicenceStore licences, UserStore users,
      RoleStore roles, AuditStore audit, Clock clock) {
    return new LicenceService(tx, licences, users, roles, audit, clock);
  }

  @Singleton
  ImportService importService(ProfileStore profiles, RoleStore roles, ImportStore imports,
      ConnectorRegistry connectors, RunSyncService runs) {
    return new ImportService(profiles, roles, imports, connectors, runs);
  }

  @Singleton
  PasswordHasher passwordHasher() {
    return new PasswordHasher(PASSWORD_ITERATIONS);
  }

  /** Failed logins of admins and users, counted per login in this node's memory. */
  @Singleton
  LoginThrottle loginThrottle(AuditStore audit, Clock clock,
      @Value("${roster.security.login-throttle.max-failures:5}") int maxFailures,
      @Value("${roster.security.login-throttle.first-lockout:30s}") Duration firstLockout,
      @Value("${roster.security.login-throttle.max-lockout:15m}") Duration maxLockout,
      @Value("${roster.security.login-throttle.forget-after:1h}") Duration forgetAfter,
      @Value("${roster.security.login-throttle.max-tracked:100000}") int maxTracked) {
    return new LoginThrottle(new LoginThrottle.Settings(maxFailures, firstLockout, maxLockout,
        forgetAfter, maxTracked), audit, clock);
  }

  @Singleton
  AdminAccessService adminAccessService(AdminAccountStore accounts, AuditStore audit,
      PasswordHasher hasher, LoginThrottle throttle, Clock clock) {
    return new AdminAccessService(accounts, audit, hasher, throttle, clock);
  }

  @Singleton
  AdminAccountService adminAccountService(Transactions tx, AdminAccountStore accounts,
      ApiTokenStore tokens, AuditStore audit, AdminAccessService access, PasswordHasher hasher,
      LoginThrottle throttle, Clock clock) {
    return new AdminAccountService(tx, accounts, tokens, audit, access, hasher, throttle, clock);
  }

  @Singleton
  ApiTokenService apiTokenService(Transactions tx, ApiTokenStore tokens,
      AdminAccountStore accounts, AuditStore audit, Clock clock) {
    return new ApiTokenService(tx, tokens, accounts, audit, clock);
  }

  /**
   * The users' login check as the API serves it: behind the login throttle, so a guessing client
   * is stopped before the directory is asked (and before AD's own lockout locks the user out).
   */
  @Singleton
  @Primary
  VerifyLoginUseCase throttledLogins(LoginService logins, LoginThrottle throttle) {
    return new ThrottledLogins(logins, throttle);
  }
}
