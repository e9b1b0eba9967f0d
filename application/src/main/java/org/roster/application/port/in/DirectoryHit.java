package org.roster.application.port.in;

import java.util.UUID;

/**
 * One entry a directory search found, and what importing it would do.
 *
 * @param kind "USER" or "GROUP"
 * @param externalId the source's id
 * @param name the login or group name
 * @param location the DN or URL
 * @param displayName a human name when the source has one; may be null
 * @param status NEW (would be imported), SYNCED (already in Roster: would be updated) or CONFLICT
 * @param rosterId the Roster id when SYNCED (or the conflicting user's id); null otherwise
 * @param detail why, for a CONFLICT ("username already exists as an internal user")
 */
public record DirectoryHit(String kind, String externalId, String name, String location,
    String displayName, Status status, UUID rosterId, String detail) {

  /** What an import of the hit would do. */
  public enum Status {
    NEW,
    SYNCED,
    CONFLICT
  }
}
