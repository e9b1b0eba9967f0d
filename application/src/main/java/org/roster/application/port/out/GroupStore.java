package org.roster.application.port.out;

import java.util.Collection;
import java.util.List;
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

  /** Groups whose name contains {@code text} (case-insensitive; null = all), by name. */
  Page<Group> search(String text, UUID profileId, PageRequest page);
}
