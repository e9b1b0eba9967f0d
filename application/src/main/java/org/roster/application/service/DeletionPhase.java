package org.roster.application.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.UserStore;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryOutcome;

/**
 * DESIGN rule 8: users the source no longer has become DELETED — the record stays for audit, the
 * seat is freed, memberships and sync-given roles go. Protected and excluded users are kept, and
 * the report says why. Runs only after a complete read.
 */
final class DeletionPhase {
  private final RunContext ctx;
  private final UserStore users;
  private final RoleStore roles;
  private final UserWriter writer;

  DeletionPhase(RunContext ctx, UserStore users, RoleStore roles) {
    this.ctx = ctx;
    this.users = users;
    this.roles = roles;
    this.writer = new UserWriter(ctx, users, roles);
  }

  /** Deletes every user the full read did not show. */
  void deleteUnseen() {
    List<UUID> ids = new ArrayList<>();
    ctx.unseen.values().stream().filter(k -> k.status() != UserStatus.DELETED)
        .forEach(k -> ids.add(k.id()));
    ctx.unseen.clear();
    delete(ids, "no longer in the source");
  }

  /** Deletes the users with these ids (an incremental read's deletions). */
  void delete(Collection<UUID> ids, String reason) {
    List<UUID> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += UserPhase.BATCH) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + UserPhase.BATCH));
      Map<UUID, Set<UUID>> groupsOf = users.groupIdsOf(chunk);
      Map<UUID, Set<UUID>> rolesOf = roles.syncedRoleIdsOf(chunk);
      List<UserChange> changes = new ArrayList<>();
      for (User u : users.findByIds(chunk)) {
        UserChange c = deleteOne(u, groupsOf.getOrDefault(u.id(), Set.of()),
            rolesOf.getOrDefault(u.id(), Set.of()), reason);
        if (c != null) {
          changes.add(c);
        }
      }
      writer.write(changes);
    }
  }

  private UserChange deleteOne(User u, Set<UUID> groups, Set<UUID> syncedRoles, String reason) {
    if (u.status() == UserStatus.DELETED) {
      return null;
    }
    if (u.protectedUser()) {
      ctx.userOutcome(EntryOutcome.SKIPPED, u.externalId(), u.login(), u.location(),
          "protected user: not deleted although " + reason);
      return null;
    }
    if (ctx.exclusions.users().contains(u.id())) {
      ctx.userOutcome(EntryOutcome.SKIPPED, u.externalId(), u.login(), u.location(),
          "excluded from sync by an admin: not deleted although " + reason);
      return null;
    }
    User after = Seats.settle(ctx, u, UserStatus.DELETED, null, false);
    UserChange c = new UserChange(u, after, groups, syncedRoles);
    c.groupsAfter = Set.of();
    Set<UUID> keptRoles = new java.util.HashSet<>();
    syncedRoles.stream().filter(ctx.exclusions.roles()::contains).forEach(keptRoles::add);
    c.rolesAfter = keptRoles;
    c.field("status", u.status().name(), after.status().name());
    if (u.seat()) {
      c.field("seat", "held", "none");
    }
    c.outcome = EntryOutcome.DELETED;
    c.detail = reason;
    ctx.userOutcome(EntryOutcome.DELETED, u.externalId(), u.login(), u.location(), reason);
    return c;
  }
}
