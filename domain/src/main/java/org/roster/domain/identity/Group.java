package org.roster.domain.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.roster.domain.Require;

/**
 * A group synced from one profile's source, keyed by the source's immutable id.
 *
 * @param id Roster's id
 * @param profileId the profile that syncs it
 * @param externalId the source's immutable id
 * @param name the display name; a source rename renames it and its bound roles
 * @param location where the source keeps it (DN, URL, CSV line)
 * @param deleted true once the source no longer has it (kept for audit)
 * @param parentIds Roster ids of the groups this group is a direct member of
 * @param updatedAt when Roster last changed it
 */
public record Group(
    UUID id,
    UUID profileId,
    String externalId,
    String name,
    String location,
    boolean deleted,
    Set<UUID> parentIds,
    Instant updatedAt) {

  public Group {
    Require.notNull(id, "id");
    Require.notNull(profileId, "profileId");
    Require.notBlank(externalId, "externalId");
    Require.notBlank(name, "name");
    parentIds = Set.copyOf(Require.notNull(parentIds, "parentIds"));
    Require.notNull(updatedAt, "updatedAt");
  }

  public Group with(String newName, String newLocation, Set<UUID> newParents, boolean isDeleted, Instant now) {
    return new Group(id, profileId, externalId, newName, newLocation, isDeleted, newParents, now);
  }
}
