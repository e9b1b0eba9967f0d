package org.roster.application.port.out;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an IMPORT run was asked to bring in: entries a directory search found.
 *
 * @param runId the run
 * @param externalIds the entries' immutable ids in the profile's directory, without duplicates
 * @param enableUsers new users start ACTIVE (true) or INACTIVE until an admin activates them
 * @param roleIds roles given to the users the import creates (users imported before keep theirs)
 */
public record ImportSelection(UUID runId, List<String> externalIds, boolean enableUsers, Set<UUID> roleIds) {
  public ImportSelection {
    java.util.Objects.requireNonNull(runId, "'runId' must not be null");
    externalIds = List.copyOf(new java.util.LinkedHashSet<>(externalIds));
    roleIds = Set.copyOf(roleIds);
  }
}
