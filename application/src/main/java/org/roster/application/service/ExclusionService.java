package org.roster.application.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roster.application.port.in.ExcludedObject;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageExclusionsUseCase;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.Exclusion;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.identity.User;
import org.roster.domain.role.Role;

/** Exclusions with their objects' names; each change audited in its transaction. */
public final class ExclusionService implements ManageExclusionsUseCase {
  private final Transactions tx;
  private final ExclusionStore exclusions;
  private final UserStore users;
  private final GroupStore groups;
  private final RoleStore roles;
  private final AdminAudit audit;
  private final Clock clock;

  public ExclusionService(Transactions tx, ExclusionStore exclusions, UserStore users,
      GroupStore groups, RoleStore roles, AuditStore audit, Clock clock) {
    this.tx = tx;
    this.exclusions = exclusions;
    this.users = users;
    this.groups = groups;
    this.roles = roles;
    this.audit = new AdminAudit(audit, clock);
    this.clock = clock;
  }

  @Override
  public Page<ExcludedObject> list(String objectType, PageRequest page) {
    Page<Exclusion> found = exclusions.list(objectType == null ? null : type(objectType), page);
    Map<UUID, String> names = names(found.items());
    return found.map(e -> new ExcludedObject(e, names.get(e.objectId())));
  }

  @Override
  public ExcludedObject get(String objectType, UUID objectId) {
    String type = type(objectType);
    Exclusion e = exclusions.find(type, objectId).orElseThrow(
        () -> new NotFoundException(type.toLowerCase(Locale.ROOT) + " exclusion", objectId));
    return new ExcludedObject(e, nameOf(type, objectId).orElse(null));
  }

  @Override
  public Added add(String objectType, UUID objectId, String actor) {
    String type = type(objectType);
    if (objectId == null) {
      throw new InvalidRequestException("objectId", "'objectId' is required");
    }
    return tx.inTransaction(t -> {
      String name = nameOf(type, objectId).orElseThrow(
          () -> new NotFoundException(type.toLowerCase(Locale.ROOT), objectId));
      Exclusion e = new Exclusion(type, objectId, clock.instant(), actor);
      boolean created = exclusions.add(e);
      if (!created) {
        return new Added(new ExcludedObject(exclusions.find(type, objectId).orElse(e), name), false);
      }
      audit.record(actor, AuditCategory.valueOf(type), "excluded from sync", objectId, name,
          Map.of("excluded", "false"), Map.of("excluded", "true"),
          "a sync never overwrites it; the next run of each profile re-evaluates every user");
      return new Added(new ExcludedObject(e, name), true);
    });
  }

  @Override
  public void remove(String objectType, UUID objectId, String actor) {
    String type = type(objectType);
    tx.inTransaction(t -> {
      if (!exclusions.remove(type, objectId)) {
        throw new NotFoundException(type.toLowerCase(Locale.ROOT) + " exclusion", objectId);
      }
      audit.record(actor, AuditCategory.valueOf(type), "included in sync again", objectId,
          nameOf(type, objectId).orElse(""), Map.of("excluded", "true"),
          Map.of("excluded", "false"), "the next run of its profile may overwrite it again");
      return null;
    });
  }

  private static String type(String objectType) {
    String t = objectType == null ? "" : objectType.strip().toUpperCase(Locale.ROOT);
    if (!Exclusion.TYPES.contains(t)) {
      throw new InvalidRequestException("objectType", "'objectType' must be one of "
          + Exclusion.TYPES + " (any case); not '" + objectType + "'");
    }
    return t;
  }

  private Optional<String> nameOf(String type, UUID id) {
    return Optional.ofNullable(names(List.of(new Exclusion(type, id, null, null))).get(id));
  }

  /** The names of the excluded objects that still exist, by id. */
  private Map<UUID, String> names(List<Exclusion> items) {
    Function<String, List<UUID>> ids = type -> items.stream()
        .filter(e -> e.objectType().equals(type)).map(Exclusion::objectId).toList();
    Map<UUID, String> out = users.findByIds(ids.apply("USER")).stream()
        .collect(Collectors.toMap(User::id, User::login, (a, b) -> a, HashMap::new));
    groups.findByIds(ids.apply("GROUP")).forEach(g -> out.put(g.id(), g.name()));
    for (UUID r : ids.apply("ROLE")) {
      roles.find(r).map(Role::name).ifPresent(n -> out.put(r, n));
    }
    return out;
  }
}
