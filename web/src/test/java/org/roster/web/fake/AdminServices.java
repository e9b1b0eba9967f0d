package org.roster.web.fake;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.roster.application.fake.FakeConnector;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.port.in.ImportEntriesUseCase;
import org.roster.application.port.in.ManageExclusionsUseCase;
import org.roster.application.port.in.ManageLicencesUseCase;
import org.roster.application.port.in.ManageRolesUseCase;
import org.roster.application.port.in.ManageUsersUseCase;
import org.roster.application.port.in.QueryGroupsUseCase;
import org.roster.application.service.ConnectorRegistry;
import org.roster.application.service.ExclusionService;
import org.roster.application.service.GroupQueryService;
import org.roster.application.service.ImportService;
import org.roster.application.service.LicenceService;
import org.roster.application.service.PasswordHasher;
import org.roster.application.service.RoleService;
import org.roster.application.service.RunExecution;
import org.roster.application.service.RunSyncService;
import org.roster.application.service.SyncEngine;
import org.roster.application.service.UserAdminService;

/**
 * The admin API's use cases as the real services over the application's in-memory stores: their
 * controllers are tested with the rules they serve. Tests clear the stores with {@link #reset}.
 */
@Factory
public class AdminServices {

  @Singleton
  InMemoryStores stores() {
    return new InMemoryStores();
  }

  @Singleton
  ManageRolesUseCase roles(InMemoryStores s) {
    return new RoleService(s.db, s.roles, s.groups, s.exclusions, s.audit, Clock.systemUTC());
  }

  @Singleton
  QueryGroupsUseCase groups(InMemoryStores s) {
    return new GroupQueryService(s.groups, s.roles);
  }

  @Singleton
  ManageUsersUseCase users(InMemoryStores s) {
    return new UserAdminService(s.db, s.users, s.profiles, s.licences, s.credentials, s.audit,
        new PasswordHasher(1000), Clock.systemUTC());
  }

  @Singleton
  ManageExclusionsUseCase exclusions(InMemoryStores s) {
    return new ExclusionService(s.db, s.exclusions, s.users, s.groups, s.roles, s.audit,
        Clock.systemUTC());
  }

  @Singleton
  ManageLicencesUseCase licences(InMemoryStores s) {
    return new LicenceService(s.db, s.licences, s.users, s.roles, s.audit, Clock.systemUTC());
  }

  /**
   * Imports over the real run service whose runs never start (no executor thread): a test sees
   * the QUEUED run and its saved selection.
   */
  @Singleton
  ImportEntriesUseCase imports(InMemoryStores s) {
    Clock clock = Clock.systemUTC();
    ConnectorRegistry connectors = new ConnectorRegistry(List.of(new FakeConnector()));
    SyncEngine engine = new SyncEngine(s.db, new SyncEngine.Stores(s.users, s.groups, s.roles,
        s.licences, s.exclusions, s.profiles, s.audit, s.runs, s.imports), clock);
    RunExecution execution = new RunExecution(s.profiles, s.runs, s.audit, connectors, engine, clock);
    RunSyncService runs = new RunSyncService(s.profiles, s.runs, execution, task -> {}, clock,
        "web-test", Duration.ofMinutes(1));
    return new ImportService(s.profiles, s.roles, s.imports, connectors, runs);
  }

  /** Empties every table of the stores. */
  public static void reset(InMemoryStores s) {
    s.db.profiles.clear();
    s.db.states.clear();
    s.db.users.clear();
    s.db.memberships.clear();
    s.db.groups.clear();
    s.db.roles.clear();
    s.db.assignments.clear();
    s.db.seatLimit = null;
    s.db.exclusions.clear();
    s.db.audit.clear();
    s.db.passwords.clear();
    s.runs.runs.clear();
    s.runs.report.clear();
    s.imports.selections.clear();
    s.audit.committed.clear();
  }
}
