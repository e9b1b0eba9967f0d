package org.roster.application.port.out;

import java.util.UUID;

/**
 * A group search; null fields do not filter.
 *
 * @param text matched case-insensitively as a substring of the name
 * @param profileId only groups of this profile
 * @param includeDeleted also groups their directory no longer has (kept for history)
 */
public record GroupQuery(String text, UUID profileId, boolean includeDeleted) {
  public static final GroupQuery ALL = new GroupQuery(null, null, true);
}
