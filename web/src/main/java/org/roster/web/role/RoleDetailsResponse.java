package org.roster.web.role;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.in.RoleDetails;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.web.ref.RoleRef;

/**
 * One role with its place in the tree ({@code path}: the ancestors, root first), its children, the
 * groups bound to it and how many users hold it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoleDetailsResponse(
    UUID id,
    String name,
    RoleKind kind,
    UUID parentId,
    List<RoleRef> path,
    List<RoleRef> children,
    List<GroupRef> boundGroups,
    int holders) {

  /** A bound group, named, with its profile; {@code deleted} once its directory dropped it. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record GroupRef(UUID id, String name, UUID profileId, boolean deleted) {
    static GroupRef from(Group group) {
      return new GroupRef(group.id(), group.name(), group.profileId(), group.deleted());
    }
  }

  public static RoleDetailsResponse from(RoleDetails details) {
    Role role = details.role();
    return new RoleDetailsResponse(
        role.id(),
        role.name(),
        role.kind(),
        role.parentId(),
        details.path().stream().map(RoleRef::from).toList(),
        details.children().stream().map(RoleRef::from).toList(),
        details.boundGroups().stream().map(GroupRef::from).toList(),
        details.holders());
  }
}
