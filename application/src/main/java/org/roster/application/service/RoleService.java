package org.roster.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageRolesUseCase;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.RoleDetails;
import org.roster.application.port.in.SaveRoleCommand;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.Transactions;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.domain.role.RoleTree;

/**
 * The role tree and its group bindings. Each change runs in one transaction with its audit event;
 * the tree is checked against every role (an application has tens or hundreds).
 */
public final class RoleService implements ManageRolesUseCase {
  private final Transactions tx;
  private final RoleStore roles;
  private final GroupStore groups;
  private final ExclusionStore exclusions;
  private final AdminAudit audit;

  public RoleService(Transactions tx, RoleStore roles, GroupStore groups,
      ExclusionStore exclusions, AuditStore audit, Clock clock) {
    this.tx = tx;
    this.roles = roles;
    this.groups = groups;
    this.exclusions = exclusions;
    this.audit = new AdminAudit(audit, clock);
  }

  @Override
  public Page<Role> list(RoleKind kind, String text, UUID parentId, PageRequest page) {
    String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    List<Role> found = roles.all().stream()
        .filter(r -> kind == null || r.kind() == kind)
        .filter(r -> needle == null || r.name().toLowerCase(Locale.ROOT).contains(needle))
        .filter(r -> parentId == null || parentId.equals(r.parentId()))
        .sorted(Comparator.comparing((Role r) -> r.name().toLowerCase(Locale.ROOT))
            .thenComparing(Role::id))
        .toList();
    return Page.slice(found, page);
  }

  @Override
  public RoleDetails get(UUID id) {
    Role role = find(id);
    RoleTree tree = new RoleTree(roles.all());
    List<Group> bound = new ArrayList<>(groups.findByIds(role.boundGroupIds()));
    bound.sort(Comparator.comparing(Group::name).thenComparing(Group::id));
    return new RoleDetails(role, tree.ancestors(id), tree.children(id), bound,
        roles.countHolders(id));
  }

  @Override
  public Role create(SaveRoleCommand c, String actor) {
    if (c.kind() == null) {
      throw new InvalidRequestException("kind", "'kind' is required (ORGANIZATIONAL or FUNCTIONAL)");
    }
    return tx.inTransaction(t -> {
      Role role = Role.unbound(UUID.randomUUID(), c.name(), c.kind(), c.parentId());
      RoleTree tree = checked(role);
      roles.save(role);
      audit.record(actor, AuditCategory.ROLE, "created", role.id(), role.name(), Map.of(),
          describe(role, tree), "");
      return role;
    });
  }

  @Override
  public Role update(UUID id, SaveRoleCommand c, String actor) {
    return tx.inTransaction(t -> {
      Role old = find(id);
      if (c.kind() != null && c.kind() != old.kind()) {
        throw new InvalidRequestException("kind",
            "the kind of a role cannot change (it is " + old.kind() + ")");
      }
      Role changed = new Role(id, c.name(), old.kind(), c.parentId(), old.boundGroupIds());
      if (changed.equals(old)) {
        return old;
      }
      RoleTree tree = checked(changed);
      roles.save(changed);
      List<String> what = new ArrayList<>();
      if (!old.name().equals(changed.name())) {
        what.add("renamed");
      }
      if (!Objects.equals(old.parentId(), changed.parentId())) {
        what.add("moved");
      }
      Map<String, String> before = describe(old, tree);
      Map<String, String> after = describe(changed, tree);
      before.keySet().removeIf(k -> Objects.equals(before.get(k), after.get(k)));
      after.keySet().removeIf(k -> !before.containsKey(k));
      audit.record(actor, AuditCategory.ROLE, String.join(" and ", what), id, changed.name(),
          before, after, "");
      return changed;
    });
  }

  @Override
  public void delete(UUID id, boolean force, String actor) {
    tx.inTransaction(t -> {
      Role role = find(id);
      List<Role> all = roles.all();
      RoleTree tree = new RoleTree(all);
      List<Role> children = tree.children(id);
      int holders = roles.countHolders(id);
      if (!force && (!children.isEmpty() || holders > 0)) {
        throw new ConflictException(refusal(role, children, holders));
      }
      RoleTree without = new RoleTree(all.stream().filter(r -> !r.id().equals(id)).toList());
      for (Role child : children) {
        Role moved = child.movedUnder(role.parentId());
        without.siblingNamed(moved).ifPresent(clash -> {
          throw new ConflictException("child role '" + child.name() + "' cannot move up: a role"
              + " named '" + clash.name() + "' is already there; rename or move it first");
        });
        roles.save(moved);
      }
      Map<String, String> before = describe(role, tree);
      exclusions.remove("ROLE", id);
      roles.delete(id);
      String detail = force && (!children.isEmpty() || holders > 0)
          ? "forced: " + children.size() + " child role(s) moved up, " + holders
              + " assignment(s) removed"
          : "";
      audit.record(actor, AuditCategory.ROLE, "deleted", id, role.name(), before, Map.of(), detail);
      return null;
    });
  }

  @Override
  public Role bind(UUID id, Collection<UUID> groupIds, String actor) {
    return tx.inTransaction(t -> {
      Role role = find(id);
      Set<UUID> wanted = new LinkedHashSet<>(groupIds);
      Set<UUID> all = new LinkedHashSet<>(wanted);
      all.addAll(role.boundGroupIds());
      Map<UUID, Group> known = groups.findByIds(all).stream()
          .collect(Collectors.toMap(Group::id, Function.identity()));
      for (UUID g : wanted) {
        Group group = known.get(g);
        if (group == null) {
          throw new InvalidRequestException("groupIds", "group " + g + " does not exist");
        }
        if (group.deleted() && !role.boundGroupIds().contains(g)) {
          throw new InvalidRequestException("groupIds",
              "group '" + group.name() + "' (" + g + ") is deleted in its directory");
        }
      }
      if (wanted.equals(role.boundGroupIds())) {
        return role;
      }
      Role bound = role.boundTo(wanted);
      roles.save(bound);
      audit.record(actor, AuditCategory.ROLE, wanted.isEmpty() ? "unbound" : "bound", id,
          role.name(), Map.of("groups", names(role.boundGroupIds(), known)),
          Map.of("groups", names(wanted, known)),
          "the next run of each group's profile gives or takes the role");
      return bound;
    });
  }

  private Role find(UUID id) {
    return roles.find(id).orElseThrow(() -> new NotFoundException("role", id));
  }

  /** The tree with {@code role} in it, after checking its parent and its name among siblings. */
  private RoleTree checked(Role role) {
    List<Role> with = new ArrayList<>(roles.all());
    with.removeIf(r -> r.id().equals(role.id()));
    with.add(role);
    RoleTree tree = new RoleTree(with);
    tree.problemWith(role).ifPresent(p -> {
      throw new InvalidRequestException("parentId", p);
    });
    tree.siblingNamed(role).ifPresent(s -> {
      throw new ConflictException("a " + s.kind().name().toLowerCase(Locale.ROOT) + " role named '"
          + s.name() + "' already exists " + (s.parentId() == null ? "at the top" : "under the same parent")
          + " (" + s.id() + ")");
    });
    return tree;
  }

  private static String refusal(Role role, List<Role> children, int holders) {
    List<String> why = new ArrayList<>();
    if (!children.isEmpty()) {
      why.add("has " + children.size() + " child role(s): " + children.stream().limit(10)
          .map(r -> "'" + r.name() + "'").collect(Collectors.joining(", "))
          + (children.size() > 10 ? ", ..." : ""));
    }
    if (holders > 0) {
      why.add("is held by " + holders + " user(s)");
    }
    return "role '" + role.name() + "' " + String.join(" and ", why)
        + "; move or delete them first, or delete with force=true (children move up to its parent,"
        + " assignments are removed)";
  }

  /** The audited fields of a role: name, kind, parent (as its path from the root). */
  private static Map<String, String> describe(Role role, RoleTree tree) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("name", role.name());
    out.put("kind", role.kind().name());
    out.put("parent", role.parentId() == null ? ""
        : tree.path(role.parentId()).stream().map(Role::name).collect(Collectors.joining(" / ")));
    return out;
  }

  private static String names(Set<UUID> ids, Map<UUID, Group> known) {
    return ids.stream().map(g -> known.containsKey(g) ? known.get(g).name() : g.toString())
        .sorted().collect(Collectors.joining("|"));
  }
}
