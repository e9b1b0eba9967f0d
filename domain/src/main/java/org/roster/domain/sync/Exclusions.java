package org.roster.domain.sync;

import java.util.Set;
import java.util.UUID;

/** Local users, groups and roles a sync must never overwrite (DESIGN rule 10). */
public record Exclusions(Set<UUID> users, Set<UUID> groups, Set<UUID> roles) {
  public static final Exclusions NONE = new Exclusions(Set.of(), Set.of(), Set.of());

  public Exclusions {
    users = Set.copyOf(users);
    groups = Set.copyOf(groups);
    roles = Set.copyOf(roles);
  }
}
