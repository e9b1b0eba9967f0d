package org.roster.application.port.in;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Import entries of a profile's directory now (seeds/002 "Import users &amp; groups").
 *
 * @param profileId the profile
 * @param externalIds the users' immutable ids, as a directory search lists them; 1 to {@value
 *     #MAX} (duplicates count once)
 * @param enable new users start ACTIVE (true) or INACTIVE until an admin activates them (false);
 *     null = the profile's "enable users after import"
 * @param roleIds roles to give the users the import creates; null = none
 * @param actor who asks ({@code admin:<login>})
 */
public record ImportCommand(UUID profileId, List<String> externalIds, Boolean enable,
    Set<UUID> roleIds, String actor) {
  /** The most entries one import takes. */
  public static final int MAX = 1000;

  public ImportCommand {
    if (externalIds == null || externalIds.isEmpty()) {
      throw new InvalidRequestException("externalIds", "'externalIds' must list at least one entry");
    }
    if (externalIds.size() > MAX) {
      throw new InvalidRequestException("externalIds", "'externalIds' may list at most " + MAX + " entries");
    }
    for (int i = 0; i < externalIds.size(); i++) {
      if (externalIds.get(i) == null || externalIds.get(i).isBlank()) {
        throw new InvalidRequestException("externalIds[" + i + "]", "'externalIds[" + i + "]' must not be blank");
      }
    }
    externalIds = List.copyOf(new java.util.LinkedHashSet<>(externalIds));
    roleIds = roleIds == null ? Set.of() : Set.copyOf(roleIds);
  }
}
