package org.roster.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One object a sync must never overwrite (DESIGN rule 10).
 *
 * @param objectType one of {@link #TYPES}
 * @param objectId the user's, group's or role's Roster id
 * @param createdAt when it was excluded; null for exclusions older than this record
 * @param createdBy who excluded it ({@code admin:<login>}); null likewise
 */
public record Exclusion(String objectType, UUID objectId, Instant createdAt, String createdBy) {
  /** The kinds of object that can be excluded. */
  public static final List<String> TYPES = List.of("USER", "GROUP", "ROLE");

  public Exclusion {
    if (!TYPES.contains(objectType)) {
      throw new IllegalArgumentException(
          "'objectType' must be one of " + TYPES + ", not '" + objectType + "'");
    }
    java.util.Objects.requireNonNull(objectId, "'objectId' must not be null");
  }
}
