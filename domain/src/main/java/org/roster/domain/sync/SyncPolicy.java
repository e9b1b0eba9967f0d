package org.roster.domain.sync;

import java.util.List;
import java.util.Set;
import org.roster.domain.Require;

/**
 * How a profile's sync treats what it reads: the rules of DESIGN.md that admins switch per
 * profile.
 *
 * @param enableUsersAfterImport new users start ACTIVE (else INACTIVE until an admin enables them)
 * @param grantLicences active users of this profile hold a licence seat
 * @param synchronizeOnlyGroups a user who leaves every synchronized group is deactivated and
 *     reactivated when added back
 * @param requireGroupMembership only members of a synchronized group are in scope
 * @param nestedGroups membership through nested groups counts (for scope and roles)
 * @param synchronizedGroups names or external ids of the synchronized groups; empty = every group
 *     the source reads
 * @param includeRules RFC 4515 filters over Roster's field names; a user must match every one
 * @param excludeRules RFC 4515 filters; a user matching any one is out of scope
 * @param threshold the deletion circuit-breaker
 */
public record SyncPolicy(
    boolean enableUsersAfterImport,
    boolean grantLicences,
    boolean synchronizeOnlyGroups,
    boolean requireGroupMembership,
    boolean nestedGroups,
    Set<String> synchronizedGroups,
    List<String> includeRules,
    List<String> excludeRules,
    DeletionThreshold threshold) {

  public SyncPolicy {
    synchronizedGroups = Set.copyOf(Require.notNull(synchronizedGroups, "synchronizedGroups"));
    includeRules = List.copyOf(Require.notNull(includeRules, "includeRules"));
    excludeRules = List.copyOf(Require.notNull(excludeRules, "excludeRules"));
    Require.notNull(threshold, "threshold");
    includeRules.forEach(f -> EntryFilter.parse(f, "includeRules"));
    excludeRules.forEach(f -> EntryFilter.parse(f, "excludeRules"));
  }

  /**
   * The policy a new profile of this connector type gets: group membership is required for every
   * directory but a CSV file (a file lists exactly the people it means).
   */
  public static SyncPolicy defaultsFor(String type) {
    return defaults(!"csv".equalsIgnoreCase(type));
  }

  /** Defaults for a source of the given flavour: group membership is required for LDAP. */
  public static SyncPolicy defaults(boolean requireGroupMembership) {
    return new SyncPolicy(true, true, false, requireGroupMembership, true, Set.of(), List.of(),
        List.of(), DeletionThreshold.DEFAULT);
  }
}
