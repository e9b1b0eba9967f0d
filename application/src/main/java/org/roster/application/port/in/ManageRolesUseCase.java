package org.roster.application.port.in;

import java.util.Collection;
import java.util.UUID;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;

/**
 * The roles (DESIGN rule 12): organizational roles form a tree, functional roles are flat; a role
 * bound to directory groups is given by the next run of their profile to the groups' members.
 * Every change is an audit event with the admin as actor.
 */
public interface ManageRolesUseCase {

  /**
   * Roles by name, then id.
   *
   * @param kind only roles of this kind; null = both
   * @param text only roles whose name contains it, ignoring case; null = all
   * @param parentId only the roles directly under this one; null = at any level
   */
  Page<Role> list(RoleKind kind, String text, UUID parentId, PageRequest page);

  /** @throws NotFoundException when there is no such role */
  RoleDetails get(UUID id);

  /**
   * @throws InvalidRequestException ("kind") without a kind, ("parentId") for a parent that does
   *     not exist or is not organizational, or a functional role with a parent
   * @throws ConflictException when a sibling of the same kind has that name
   */
  Role create(SaveRoleCommand command, String actor);

  /**
   * Renames and moves a role: the command replaces name and parent (a null parent makes it a
   * root). Its bindings and holders stay.
   *
   * @throws InvalidRequestException ("parentId") for a move under itself or a descendant (a cycle),
   *     ("kind") for another kind than the role's
   */
  Role update(UUID id, SaveRoleCommand command, String actor);

  /**
   * Deletes a role with its bindings and its exclusion. Without {@code force} a role that has
   * children or holders is refused, naming them; with it, the children move up to the role's
   * parent and every assignment of the role goes.
   *
   * @throws ConflictException when refused
   */
  void delete(UUID id, boolean force, String actor);

  /**
   * Binds the role to exactly these groups (empty: unbinds it). The next run of each group's
   * profile gives the groups' members the role and takes it from those who no longer are.
   *
   * @throws InvalidRequestException ("groupIds") naming a group that does not exist or is deleted
   */
  Role bind(UUID id, Collection<UUID> groupIds, String actor);
}
