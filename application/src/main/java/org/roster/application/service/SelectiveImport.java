package org.roster.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.roster.application.port.out.ImportSelection;
import org.roster.application.port.out.RoleAssignment;
import org.roster.application.port.out.Transactions;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.role.Role;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncPolicy;
import org.roster.domain.sync.SyncRun;

/**
 * An IMPORT run: reads every group (so memberships and bound roles resolve) and applies them
 * without deleting any, then reads just the selected users by id ({@link
 * IncrementalSource#readUsers}, which drops entries out of the users filter) and applies them
 * with the sync's usual rules, in one transaction. New users start ACTIVE or INACTIVE as the
 * selection says and get its roles (admin-given, so no sync takes them away); users imported
 * before are updated and keep their role assignments. It deactivates or deletes no one else, so
 * it has no threshold, and it leaves the profile's watermark and fingerprint as they were.
 */
final class SelectiveImport {
  private final Transactions tx;
  private final SyncEngine.Stores stores;
  private final Clock clock;

  SelectiveImport(Transactions tx, SyncEngine.Stores stores, Clock clock) {
    this.tx = tx;
    this.stores = stores;
    this.clock = clock;
  }

  RunResult execute(SyncRun run, Profile profile, DirectorySource source, Consumer<RunCounts> progress,
      Runnable beforeCommit) {
    ImportSelection selection = stores.imports().find(run.id()).orElseThrow(
        () -> new SourceDataException("the entries this import run was asked for are not recorded"));
    if (!(source instanceof IncrementalSource byId)) {
      throw new IllegalArgumentException("a " + profile.type() + " profile's source cannot read selected entries");
    }
    Profile importing = withImportPolicy(profile, selection.enableUsers());
    return tx.inTransaction(t -> {
      RunContext ctx = new RunContext(run, importing, clock, false, stores.exclusions().load(),
          profile.policy().grantLicences() ? stores.licences().lockPool() : stores.licences().pool(),
          stores.runs(), stores.audit());
      progress.accept(ctx.counts);
      List<Group> live = new GroupPhase(stores.groups(), stores.roles()).apply(ctx, readGroups(ctx, source), Set.of());
      ctx.groups = new GroupIndex(live, stores.roles().all(), importing.policy());
      Map<String, User> before = UserPhase.index(
          stores.users().findByExternalIds(profile.id(), selection.externalIds()), User::externalId);
      UserPhase users = new UserPhase(ctx, stores.users(), stores.roles(), null);
      Set<String> wanted = new HashSet<>(selection.externalIds());
      Set<String> read = new HashSet<>();
      byId.readUsers(selection.externalIds(), new EntrySink() {
        @Override
        public boolean accept(SourceEntry entry) {
          if (entry instanceof SourceUser u && wanted.contains(u.externalId()) && read.add(u.externalId())) {
            users.accept(u);
          }
          return true;
        }

        @Override
        public boolean reject(RejectedEntry rejected) {
          rejected.externalId().ifPresent(read::add);
          users.reject(rejected);
          return true;
        }
      });
      users.flush();
      for (String id : selection.externalIds()) {
        if (!read.contains(id)) {
          ctx.userOutcome(EntryOutcome.SKIPPED, id, null, null,
              "not found in the directory, or outside the profile's users filter");
        }
      }
      giveRoles(ctx, selection, before, read, run.requestedBy());
      if (profile.policy().grantLicences()) {
        new SeatRelease(ctx, stores.users(), stores.roles()).releaseWhileSeatsFree();
      }
      ctx.flushAudit();
      ctx.flushReport();
      progress.accept(ctx.counts);
      beforeCommit.run();
      return new RunResult(RunStatus.SUCCEEDED, ctx.counts, null, true, ctx.pool);
    });
  }

  private static List<SourceGroup> readGroups(RunContext ctx, DirectorySource source) {
    List<SourceGroup> groups = new ArrayList<>();
    source.readAll(EntryKind.GROUP, new EntrySink() {
      @Override
      public boolean accept(SourceEntry entry) {
        groups.add((SourceGroup) entry);
        return true;
      }

      @Override
      public boolean reject(RejectedEntry r) {
        ctx.report("GROUP", r.externalId().orElse(null), null, r.location(), EntryOutcome.FAILED, r.reason());
        return true;
      }
    });
    return groups;
  }

  /** The selection's roles, admin-given, to the users this import created (or brought back). */
  private void giveRoles(RunContext ctx, ImportSelection selection, Map<String, User> before,
      Set<String> read, String requestedBy) {
    if (selection.roleIds().isEmpty() || read.isEmpty()) {
      return;
    }
    List<Role> roles = stores.roles().all().stream()
        .filter(r -> selection.roleIds().contains(r.id())).toList();
    List<RoleAssignment> given = new ArrayList<>();
    for (User u : stores.users().findByExternalIds(ctx.profile.id(), read)) {
      User old = before.get(u.externalId());
      boolean created = old == null || old.status() == UserStatus.DELETED;
      if (!created || u.status() == UserStatus.DELETED) {
        continue;
      }
      roles.forEach(r -> given.add(new RoleAssignment(u.id(), r.id(), false)));
      ctx.audit(AuditCategory.MEMBERSHIP, "roles assigned", u.id(), u.login(), Map.of(),
          Map.of("roles", String.join("|", roles.stream().map(Role::name).sorted().toList())),
          "by the import " + requestedBy + " asked for");
    }
    stores.roles().addAssignments(given);
  }

  /** The profile's policy with the selection's "enable" and without the group requirement. */
  private static Profile withImportPolicy(Profile p, boolean enable) {
    SyncPolicy s = p.policy();
    // the admin picked these users: a new user outside the synchronized groups is imported too
    SyncPolicy policy = new SyncPolicy(enable, s.grantLicences(), s.synchronizeOnlyGroups(), false,
        s.nestedGroups(), s.synchronizedGroups(), s.includeRules(), s.excludeRules(), s.threshold());
    return new Profile(p.id(), p.name(), p.type(), p.settings(), policy, p.enabled(), p.createdAt(),
        p.updatedAt());
  }
}
