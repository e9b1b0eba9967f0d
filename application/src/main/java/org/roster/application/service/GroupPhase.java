package org.roster.application.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.RoleStore;
import org.roster.connector.api.SourceGroup;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;
import org.roster.domain.sync.EntryOutcome;

/**
 * Applies the groups a run read: creates new ones, renames (with their bound roles) and re-parents
 * known ones, and on a full read marks the ones the source no longer has as deleted. Groups are
 * few (thousands), so they are applied as one list.
 */
final class GroupPhase {
  private final GroupStore groups;
  private final RoleStore roles;

  GroupPhase(GroupStore groups, RoleStore roles) {
    this.groups = groups;
    this.roles = roles;
  }

  /**
   * @param read the groups the source returned (all of them on a full read, the changed ones on
   *     an incremental read)
   * @param deletedIds external ids the source reported deleted (incremental)
   * @return every live group of the profile afterwards
   */
  List<Group> apply(RunContext ctx, List<SourceGroup> read, Set<String> deletedIds) {
    UUID profileId = ctx.profile.id();
    Map<String, Group> before = new LinkedHashMap<>();
    for (Group g : groups.findByProfile(profileId)) {
      before.put(g.externalId(), g);
    }
    Map<String, UUID> ids = new HashMap<>();
    before.forEach((ext, g) -> ids.put(ext, g.id()));
    read.forEach(sg -> ids.computeIfAbsent(sg.externalId(), k -> UUID.randomUUID()));

    Map<String, Group> after = new LinkedHashMap<>(before);
    List<Group> inserts = new ArrayList<>();
    List<Group> updates = new ArrayList<>();
    for (SourceGroup sg : read) {
      Group old = before.get(sg.externalId());
      Set<UUID> parents = new HashSet<>();
      sg.parentGroupIds().forEach(p -> {
        UUID id = ids.get(p);
        if (id != null) {
          parents.add(id);
        }
      });
      if (old == null) {
        Group g = new Group(ids.get(sg.externalId()), profileId, sg.externalId(), sg.name(),
            sg.location(), false, parents, ctx.now());
        inserts.add(g);
        after.put(sg.externalId(), g);
        ctx.report("GROUP", sg.externalId(), sg.name(), sg.location(), EntryOutcome.CREATED, "");
        ctx.audit(AuditCategory.GROUP, "created", g.id(), g.name(), Map.of(), Map.of("name", g.name()), "");
      } else if (ctx.exclusions.groups().contains(old.id())) {
        ctx.report("GROUP", sg.externalId(), old.name(), sg.location(), EntryOutcome.SKIPPED,
            "excluded from sync by an admin");
      } else {
        Group changed = old.with(sg.name(), sg.location(), parents, false, ctx.now());
        if (!sameContent(old, changed)) {
          updates.add(changed);
          after.put(sg.externalId(), changed);
          describeChange(ctx, old, changed);
        }
      }
    }
    Set<String> gone = new HashSet<>(deletedIds);
    if (ctx.full) {
      Set<String> seen = new HashSet<>();
      read.forEach(sg -> seen.add(sg.externalId()));
      before.keySet().stream().filter(e -> !seen.contains(e)).forEach(gone::add);
    }
    for (String ext : gone) {
      Group old = before.get(ext);
      if (old != null && !old.deleted() && !ctx.exclusions.groups().contains(old.id())) {
        Group deleted = old.with(old.name(), old.location(), old.parentIds(), true, ctx.now());
        updates.add(deleted);
        after.put(ext, deleted);
        ctx.report("GROUP", ext, old.name(), old.location(), EntryOutcome.DELETED, "no longer in the source");
        ctx.audit(AuditCategory.GROUP, "deleted", old.id(), old.name(), Map.of("deleted", "false"),
            Map.of("deleted", "true"), "no longer in the source");
      }
    }
    groups.insertAll(inserts);
    groups.updateAll(updates);
    return after.values().stream().filter(g -> !g.deleted()).toList();
  }

  private static boolean sameContent(Group a, Group b) {
    return a.name().equals(b.name()) && java.util.Objects.equals(a.location(), b.location())
        && a.parentIds().equals(b.parentIds()) && a.deleted() == b.deleted();
  }

  private void describeChange(RunContext ctx, Group old, Group changed) {
    Map<String, String> before = new LinkedHashMap<>();
    Map<String, String> after = new LinkedHashMap<>();
    if (!old.name().equals(changed.name())) {
      before.put("name", old.name());
      after.put("name", changed.name());
      renameBoundRoles(ctx, old, changed.name());
    }
    if (!java.util.Objects.equals(old.location(), changed.location())) {
      before.put("location", String.valueOf(old.location()));
      after.put("location", changed.location());
    }
    if (!old.parentIds().equals(changed.parentIds())) {
      before.put("parents", String.valueOf(old.parentIds().size()));
      after.put("parents", String.valueOf(changed.parentIds().size()));
    }
    if (old.deleted()) {
      before.put("deleted", "true");
      after.put("deleted", "false");
    }
    String action = after.containsKey("name") ? "renamed" : old.deleted() ? "restored" : "updated";
    ctx.report("GROUP", changed.externalId(), changed.name(), changed.location(), EntryOutcome.UPDATED,
        Changes.describe(before, after));
    ctx.audit(AuditCategory.GROUP, action, changed.id(), changed.name(), before, after, "");
  }

  /** DESIGN rule 5: a renamed source group renames the roles bound to it. */
  private void renameBoundRoles(RunContext ctx, Group group, String newName) {
    for (Role role : roles.boundTo(List.of(group.id()))) {
      if (!ctx.exclusions.roles().contains(role.id()) && role.name().equals(group.name())) {
        roles.save(role.renamed(newName));
        ctx.audit(AuditCategory.ROLE, "renamed", role.id(), newName, Map.of("name", role.name()),
            Map.of("name", newName), "its bound group " + group.name() + " was renamed");
      }
    }
  }
}
