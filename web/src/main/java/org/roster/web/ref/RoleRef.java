package org.roster.web.ref;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;

/** A role named in another resource (a user's roles, a group's bound roles, a role's path). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoleRef(UUID id, String name, RoleKind kind) {
  public static RoleRef from(Role role) {
    return new RoleRef(role.id(), role.name(), role.kind());
  }
}
