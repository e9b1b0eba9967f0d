package org.roster.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roster.domain.sync.Profile;

/** Sync profiles and their sync state. Joins the caller's transaction. */
public interface ProfileStore {

  /** Inserts or updates (by id) a profile. Settings are stored encrypted where secret. */
  void save(Profile profile);

  Optional<Profile> find(UUID id);

  Optional<Profile> findByName(String name);

  /** Every profile, by name. */
  List<Profile> list();

  /** Deletes a profile; its users, groups and runs stay (history). */
  void delete(UUID id);

  /** The sync state of a profile; {@link ProfileState#empty} before its first run. */
  ProfileState state(UUID profileId);

  void saveState(ProfileState state);
}
