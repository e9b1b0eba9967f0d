package org.roster.web.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.in.GroupDetails;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;

/**
 * One group with its direct parents, its direct member count (the members: {@code GET
 * /api/v1/users?groupId=}) and the roles bound to it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GroupDetailsResponse(
    UUID id,
    UUID profileId,
    String externalId,
    String name,
    String location,
    boolean deleted,
    Instant updatedAt,
    List<GroupRef> parents,
    int memberCount,
    List<RoleRef> boundRoles) {

  /** Another group, named. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record GroupRef(UUID id, String name) {
    static GroupRef from(Group group) {
      return new GroupRef(group.id(), group.name());
    }
  }

  /** A role bound to the group. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record RoleRef(UUID id, String name, RoleKind kind) {
    static RoleRef from(Role role) {
      return new RoleRef(role.id(), role.name(), role.kind());
    }
  }

  public static GroupDetailsResponse from(GroupDetails details) {
    Group g = details.group();
    return new GroupDetailsResponse(
        g.id(),
        g.profileId(),
        g.externalId(),
        g.name(),
        g.location(),
        g.deleted(),
        g.updatedAt(),
        details.parents().stream().map(GroupRef::from).toList(),
        details.memberCount(),
        details.boundRoles().stream().map(RoleRef::from).toList());
  }
}
