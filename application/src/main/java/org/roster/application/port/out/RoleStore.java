package org.roster.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roster.domain.role.Role;

/** Roles, their group bindings and who holds them. Every method joins the caller's transaction. */
public interface RoleStore {

  /** Every role with its bindings, by name (an application has tens or hundreds). */
  List<Role> all();

  /** The role with its bindings. */
  Optional<Role> find(UUID id);

  /** Inserts or updates by id; its group bindings are replaced by the role's. */
  void save(Role role);

  /**
   * Deletes a role with its bindings and every assignment of it, sync-given and admin-given. The
   * caller moves or deletes its children first. An unknown id is a no-op.
   */
  void delete(UUID id);

  /** Roles bound to at least one of these groups, by name, with all their bindings. */
  List<Role> boundTo(Collection<UUID> groupIds);

  /** How many users hold the role, sync-given and admin-given. */
  int countHolders(UUID roleId);

  /** The sync-given role ids of each of these users (users without any are absent). */
  Map<UUID, Set<UUID>> syncedRoleIdsOf(Collection<UUID> userIds);

  /** Every role assignment of one user, sync-given and admin-given. */
  List<RoleAssignment> assignmentsOf(UUID userId);

  /** Adds assignments; an existing (user, role) pair is left as it is. */
  void addAssignments(Collection<RoleAssignment> assignments);

  /** Removes these sync-given assignments; admin-given ones are never removed by this. */
  void removeSyncedAssignments(Collection<RoleAssignment> assignments);
}
