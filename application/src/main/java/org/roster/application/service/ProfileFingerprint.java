package org.roster.application.service;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.roster.domain.identity.Group;
import org.roster.domain.role.Role;
import org.roster.domain.sync.Exclusions;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.SyncPolicy;

/**
 * What, besides each user's own data, decides a user's outcome: the profile's settings and policy,
 * the group graph, the role bindings and the exclusions. When it differs from the last applied
 * run's, every user is re-evaluated (a full run) instead of only the changed ones.
 */
final class ProfileFingerprint {
  private ProfileFingerprint() {}

  static String of(Profile p, List<Group> liveGroups, List<Role> roles, Exclusions exclusions) {
    StringBuilder b = new StringBuilder();
    SyncPolicy policy = p.policy();
    b.append(new TreeMap<>(p.settings())).append('|')
        .append(policy.enableUsersAfterImport()).append(policy.grantLicences())
        .append(policy.synchronizeOnlyGroups()).append(policy.requireGroupMembership())
        .append(policy.nestedGroups()).append(new TreeSet<>(policy.synchronizedGroups()))
        .append(policy.includeRules()).append(policy.excludeRules()).append('|');
    Set<String> g = new TreeSet<>();
    liveGroups.forEach(x -> g.add(x.id() + ":" + x.name() + ":" + new TreeSet<>(x.parentIds())));
    b.append(g).append('|');
    Set<String> r = new TreeSet<>();
    roles.forEach(x -> r.add(x.id() + ":" + new TreeSet<>(x.boundGroupIds())));
    b.append(r).append('|').append(new TreeSet<>(exclusions.users()))
        .append(new TreeSet<>(exclusions.groups())).append(new TreeSet<>(exclusions.roles()));
    return SourceHash.digest(b.toString());
  }
}
