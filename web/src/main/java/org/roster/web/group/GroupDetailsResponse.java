package org.roster.web.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.in.GroupDetails;
import org.roster.domain.identity.Group;
import org.roster.web.ref.GroupRef;
import org.roster.web.ref.RoleRef;

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
