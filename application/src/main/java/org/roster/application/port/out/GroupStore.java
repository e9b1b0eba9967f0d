package org.roster.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roster.domain.identity.Group;

/** Synced groups. Every method joins the caller's transaction. */
public interface GroupStore {

  /** Every group of a profile, deleted ones included (a profile has thousands, not millions). */
  List<Group> findByProfile(UUID profileId);

  Optional<Group> find(UUID id);

  List<Group> findByIds(Collection<UUID> ids);

  void insertAll(Collection<Group> groups);

  /** Updates by id: name, location, deleted, parents, updatedAt. */
  void updateAll(Collection<Group> groups);

  /** Groups matching the query, by name (case-insensitive), then id. */
  Page<Group> search(GroupQuery query, PageRequest page);

  /**
   * How many direct members each of these groups has (users of any status holding the membership;
   * a deleted user's memberships are gone). Groups without members are absent.
   */
  Map<UUID, Integer> memberCounts(Collection<UUID> groupIds);
}
