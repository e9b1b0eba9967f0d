package org.roster.connector.api;

import java.util.Objects;
import java.util.Set;

/**
 * A group as the source sees it.
 *
 * @param externalId the source's immutable id
 * @param name the group's display name; a rename changes it (and the role bound to it)
 * @param location where it was read (DN, URL, line)
 * @param parentGroupIds external ids of the groups this group is a direct member of (nesting)
 */
public record SourceGroup(String externalId, String name, String location, Set<String> parentGroupIds)
    implements SourceEntry {

  public SourceGroup {
    Require.notBlank(externalId, "externalId");
    Require.notBlank(name, "name");
    Require.notBlank(location, "location");
    parentGroupIds =
        Set.copyOf(Objects.requireNonNull(parentGroupIds, "'parentGroupIds' must not be null"));
  }

  @Override
  public EntryKind kind() {
    return EntryKind.GROUP;
  }
}
