package org.roster.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roster.application.port.out.Membership;
import org.roster.application.port.out.RoleAssignment;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.UserStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryOutcome;

/**
 * Writes a batch of user changes in as few store calls as possible: inserts, updates,
 * memberships and roles in batches, and one audit event per changed user.
 */
final class UserWriter {
  private final RunContext ctx;
  private final UserStore users;
  private final RoleStore roles;

  UserWriter(RunContext ctx, UserStore users, RoleStore roles) {
    this.ctx = ctx;
    this.users = users;
    this.roles = roles;
  }

  void write(List<UserChange> changes) {
    List<org.roster.domain.identity.User> inserts = new ArrayList<>();
    List<org.roster.domain.identity.User> updates = new ArrayList<>();
    List<Membership> addGroups = new ArrayList<>();
    List<Membership> newUsersGroups = new ArrayList<>();
    List<Membership> removeGroups = new ArrayList<>();
    List<RoleAssignment> addRoles = new ArrayList<>();
    List<RoleAssignment> removeRoles = new ArrayList<>();
    for (UserChange c : changes) {
      UUID id = c.after.id();
      boolean liveBefore = c.before != null && c.before.status() != UserStatus.DELETED;
      boolean liveAfter = c.after.status() != UserStatus.DELETED;
      if (ctx.profile != null && ctx.profile.id().equals(c.after.profileId())) {
        ctx.liveDelta += (liveAfter ? 1 : 0) - (liveBefore ? 1 : 0);
      }
      if (c.before == null) {
        inserts.add(c.after);
      } else if (c.recordChanged()) {
        updates.add(c.after);
      }
      List<Membership> joins = c.before == null ? newUsersGroups : addGroups;
      c.groupsAfter.stream().filter(g -> !c.groupsBefore.contains(g))
          .forEach(g -> joins.add(new Membership(id, g)));
      c.groupsBefore.stream().filter(g -> !c.groupsAfter.contains(g))
          .forEach(g -> removeGroups.add(new Membership(id, g)));
      c.rolesAfter.stream().filter(r -> !c.rolesBefore.contains(r))
          .forEach(r -> addRoles.add(new RoleAssignment(id, r, true)));
      c.rolesBefore.stream().filter(r -> !c.rolesAfter.contains(r))
          .forEach(r -> removeRoles.add(new RoleAssignment(id, r, true)));
      audit(c);
    }
    users.insertAll(inserts);
    users.updateAll(updates);
    if (!removeGroups.isEmpty()) {
      users.removeMemberships(removeGroups);
    }
    if (!addGroups.isEmpty()) {
      users.addMemberships(addGroups);
    }
    if (!newUsersGroups.isEmpty()) {
      users.insertMemberships(newUsersGroups);
    }
    if (!removeRoles.isEmpty()) {
      roles.removeSyncedAssignments(removeRoles);
    }
    if (!addRoles.isEmpty()) {
      roles.addAssignments(addRoles);
    }
  }

  private void audit(UserChange c) {
    if (c.fieldsAfter.isEmpty()) {
      return;
    }
    Map<String, String> after = c.fieldsAfter;
    AuditCategory category = c.before == null || after.containsKey("status") || after.containsKey("login")
        || after.keySet().stream().anyMatch(k -> !k.equals("groups") && !k.equals("roles") && !k.equals("seat"))
        ? AuditCategory.USER
        : after.containsKey("seat") ? AuditCategory.SEAT : AuditCategory.MEMBERSHIP;
    ctx.audit(category, action(c), c.after.id(), c.after.login(), c.fieldsBefore, after, c.detail);
  }

  private static String action(UserChange c) {
    if (c.before == null) {
      return c.outcome == EntryOutcome.BLOCKED ? "created blocked" : "created";
    }
    return switch (c.outcome) {
      case DISABLED -> "disabled";
      case REACTIVATED -> "reactivated";
      case BLOCKED -> "blocked";
      case RELEASED -> "released";
      case DELETED -> "deleted";
      default -> c.fieldsAfter.containsKey("login") ? "renamed" : "updated";
    };
  }
}
