package org.roster.application.service;

import java.util.List;
import java.util.Set;
import org.roster.domain.sync.DeletionThreshold;
import org.roster.domain.sync.SyncPolicy;

/** Policies for tests, named by what they switch on. */
final class Policies {
  private Policies() {}

  static SyncPolicy open() {
    return new SyncPolicy(true, true, false, false, true, Set.of(), List.of(), List.of(),
        new DeletionThreshold(100, 100_000));
  }

  static SyncPolicy withThreshold(int percent, int absolute) {
    SyncPolicy p = open();
    return new SyncPolicy(p.enableUsersAfterImport(), p.grantLicences(), p.synchronizeOnlyGroups(),
        p.requireGroupMembership(), p.nestedGroups(), p.synchronizedGroups(), p.includeRules(),
        p.excludeRules(), new DeletionThreshold(percent, absolute));
  }

  static SyncPolicy groupsOnly(String... synchronizedGroups) {
    return new SyncPolicy(true, true, true, true, true, Set.of(synchronizedGroups), List.of(), List.of(),
        new DeletionThreshold(100, 100_000));
  }

  static SyncPolicy notEnabledAfterImport() {
    return new SyncPolicy(false, true, false, false, true, Set.of(), List.of(), List.of(),
        new DeletionThreshold(100, 100_000));
  }

  static SyncPolicy rules(List<String> include, List<String> exclude) {
    return new SyncPolicy(true, true, false, false, true, Set.of(), include, exclude,
        new DeletionThreshold(100, 100_000));
  }
}
