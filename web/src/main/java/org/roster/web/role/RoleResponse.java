package org.roster.web.role;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;

/**
 * A role as lists show it; {@code parentId} is null for a root, {@code boundGroupIds} the groups
 * whose members the sync gives the role.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoleResponse(
    UUID id, String name, RoleKind kind, UUID parentId, List<UUID> boundGroupIds) {

  public static RoleResponse from(Role role) {
    return new RoleResponse(
        role.id(),
        role.name(),
        role.kind(),
        role.parentId(),
        role.boundGroupIds().stream().sorted().toList());
  }
}
