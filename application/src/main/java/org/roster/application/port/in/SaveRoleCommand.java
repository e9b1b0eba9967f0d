package org.roster.application.port.in;

import java.util.UUID;
import org.roster.domain.role.RoleKind;

/**
 * Create or replace a role.
 *
 * @param name the display name; unique among the siblings of one kind, ignoring case
 * @param kind organizational or functional; required to create, and when given to replace it must
 *     be the role's kind (a role's kind never changes)
 * @param parentId the organizational parent; null for a root (and always for a functional role)
 */
public record SaveRoleCommand(String name, RoleKind kind, UUID parentId) {
  public SaveRoleCommand {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("name", "'name' must not be blank");
    }
    name = name.strip();
  }
}
