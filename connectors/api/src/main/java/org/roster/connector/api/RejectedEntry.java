package org.roster.connector.api;

import java.util.Optional;

/**
 * An entry the source could not turn into a {@link SourceEntry}: the run reports it and goes on.
 *
 * @param kind what kind of entry it was meant to be
 * @param location where it was read ({@code "line 12"}, a DN)
 * @param externalId the entry's id when it could be read; a rejected entry with a known id
 *     still counts as present, so it is neither updated nor deactivated nor deleted
 * @param reason what is wrong, for the admin ("invalid email 'x@'")
 */
public record RejectedEntry(EntryKind kind, String location, Optional<String> externalId, String reason) {

  public RejectedEntry {
    Require.notBlank(location, "location");
    Require.notBlank(reason, "reason");
    externalId = externalId.filter(id -> !id.isBlank());
  }
}
