package org.roster.web.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.in.GroupSummary;
import org.roster.domain.identity.Group;

/**
 * A group as lists show it: see {@link Group} for each field; {@code parentIds} are the groups it
 * is a direct member of, {@code memberCount} its direct members.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GroupResponse(
    UUID id,
    UUID profileId,
    String externalId,
    String name,
    String location,
    boolean deleted,
    List<UUID> parentIds,
    int memberCount,
    Instant updatedAt) {

  public static GroupResponse from(GroupSummary summary) {
    Group g = summary.group();
    return new GroupResponse(
        g.id(),
        g.profileId(),
        g.externalId(),
        g.name(),
        g.location(),
        g.deleted(),
        g.parentIds().stream().sorted().toList(),
        summary.memberCount(),
        g.updatedAt());
  }
}
