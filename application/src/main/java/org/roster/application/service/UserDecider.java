package org.roster.application.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.StatusDecision;
import org.roster.domain.sync.SyncPolicy;

/**
 * Decides what one source user does to Roster's store (DESIGN rules 1–11): create, update,
 * rename, deactivate, reactivate, block; or skip it as excluded, out of scope or in conflict with
 * another user's login.
 */
final class UserDecider {
  private final RunContext ctx;
  private final SyncPolicy policy;

  UserDecider(RunContext ctx) {
    this.ctx = ctx;
    this.policy = ctx.profile.policy();
  }

  /**
   * @param old the stored user; null when new
   * @param byLogin users holding the logins the batch's new and renamed users want
   * @param loginsThisBatch logins taken by earlier entries of this batch (updated here)
   * @return the change to write, or null when the entry changes nothing (skipped, conflict)
   */
  UserChange decide(PendingUser p, User old, Set<UUID> groupsBefore, Set<UUID> rolesBefore,
      Map<String, User> byLogin, Map<String, String> loginsThisBatch) {
    SourceUser su = p.source();
    if (old != null && ctx.exclusions.users().contains(old.id())) {
      return skip(su, EntryOutcome.SKIPPED, "excluded from sync by an admin");
    }
    String key = User.loginKey(su.login());
    if (old == null || !old.loginKey().equals(key)) {
      User holder = byLogin.get(key);
      if (holder != null && (old == null || !holder.id().equals(old.id()))) {
        return skip(su, EntryOutcome.CONFLICT, holder.synced()
            ? "username '" + su.login() + "' already belongs to another synced user"
            : "username '" + su.login() + "' already exists as an internal user");
      }
      String other = loginsThisBatch.putIfAbsent(key, su.externalId());
      if (other != null && !other.equals(su.externalId())) {
        return skip(su, EntryOutcome.CONFLICT,
            "username '" + su.login() + "' is also used by entry " + other);
      }
    }
    Set<UUID> direct = ctx.groups.idsOf(su.groupIds());
    Set<UUID> effective = ctx.groups.effective(direct);
    boolean inGroups = ctx.groups.inSynchronizedGroup(effective);
    boolean isNew = old == null || old.status() == UserStatus.DELETED;
    if (isNew && policy.requireGroupMembership() && !inGroups) {
      return skip(su, EntryOutcome.SKIPPED, "not a member of any synchronized group");
    }
    StatusDecision d = StatusDecision.decide(old == null ? null : old.status(),
        old == null ? null : old.inactiveReason(), old != null && old.protectedUser(),
        su.enabled(), inGroups, policy);
    Map<String, String> attributes = new LinkedHashMap<>(su.attributes());
    attributes.values().removeIf(v -> v == null || v.isEmpty());
    User base = old == null
        ? new User(UUID.randomUUID(), ctx.profile.id(), su.externalId(), su.login(),
            UserStatus.INACTIVE, org.roster.domain.identity.InactiveReason.NOT_ENABLED_ON_IMPORT,
            attributes, su.location(), false, false, null, p.hash(), ctx.now(), ctx.now())
        : old.withSource(su.login(), attributes, su.location(), p.hash(), ctx.now());
    User after = Seats.settle(ctx, base, d.status(), d.reason(), policy.grantLicences());
    UserChange c = new UserChange(old, after, groupsBefore, rolesBefore);
    c.groupsAfter = direct;
    Set<UUID> roles = ctx.groups.boundRoles(effective, ctx.exclusions.roles());
    rolesBefore.stream().filter(ctx.exclusions.roles()::contains).forEach(roles::add);
    c.rolesAfter = roles;
    describe(c, old, after, d);
    ctx.userOutcome(c.outcome, su.externalId(), su.login(), su.location(), c.detail);
    return c;
  }

  private void describe(UserChange c, User old, User after, StatusDecision d) {
    if (old != null) {
      c.field("login", old.login(), after.login());
      for (String f : UserFields.ALL) {
        c.field(f, old.attribute(f), after.attribute(f));
      }
      c.field("location", old.location(), after.location());
    }
    c.field("status", old == null ? null : old.status().name(), after.status().name());
    c.field("seat", old == null ? null : seat(old), seat(after));
    if (!c.groupsBefore.equals(c.groupsAfter)) {
      c.field("groups", names(c.groupsBefore, ctx.groups::nameOf), names(c.groupsAfter, ctx.groups::nameOf));
    }
    if (!c.rolesBefore.equals(c.rolesAfter)) {
      c.field("roles", names(c.rolesBefore, ctx.groups::roleName), names(c.rolesAfter, ctx.groups::roleName));
    }
    c.outcome = outcome(old, after, c);
    StringBuilder detail = new StringBuilder(old == null ? "" : Changes.describe(c.fieldsBefore, c.fieldsAfter));
    if (c.outcome == EntryOutcome.BLOCKED) {
      detail.insert(0, "no licence seat free; ");
    }
    if (d.protectedKept()) {
      detail.insert(0, "protected user: not disabled; ");
    }
    if (after.status() == UserStatus.INACTIVE && old == null) {
      detail.append("inactive: ").append(after.inactiveReason().name().toLowerCase().replace('_', ' '));
    }
    c.detail = detail.toString();
  }

  private static EntryOutcome outcome(User old, User after, UserChange c) {
    UserStatus now = after.status();
    if (old == null) {
      return now == UserStatus.BLOCKED ? EntryOutcome.BLOCKED : EntryOutcome.CREATED;
    }
    UserStatus was = old.status();
    if (was != now) {
      if (now == UserStatus.INACTIVE) {
        return EntryOutcome.DISABLED;
      }
      if (now == UserStatus.BLOCKED) {
        return EntryOutcome.BLOCKED;
      }
      if (now == UserStatus.ACTIVE) {
        return was == UserStatus.BLOCKED ? EntryOutcome.RELEASED : EntryOutcome.REACTIVATED;
      }
    }
    return c.fieldsAfter.isEmpty() ? EntryOutcome.UNCHANGED : EntryOutcome.UPDATED;
  }

  private static String seat(User u) {
    return u.seat() ? "held" : "none";
  }

  /** Names for a report, sorted and joined with '|'. */
  private static String names(Set<UUID> ids, java.util.function.Function<UUID, String> name) {
    return ids.stream().map(name).sorted().collect(java.util.stream.Collectors.joining("|"));
  }

  private UserChange skip(SourceUser su, EntryOutcome outcome, String reason) {
    ctx.userOutcome(outcome, su.externalId(), su.login(), su.location(), reason);
    return null;
  }
}
