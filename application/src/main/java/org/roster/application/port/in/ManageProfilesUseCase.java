package org.roster.application.port.in;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roster.domain.sync.Profile;

/** Create, read, change and test sync profiles. */
public interface ManageProfilesUseCase {

  /**
   * Creates a profile after its connector validated the settings (no I/O).
   *
   * @throws InvalidRequestException naming the bad field ("settings.folder", "type")
   * @throws ConflictException when the name is taken
   */
  Profile create(SaveProfileCommand command, String actor);

  /** Replaces a profile's definition; secrets left out keep their stored value. */
  Profile update(UUID id, SaveProfileCommand command, String actor);

  /** Every profile, by name. */
  List<Profile> list();

  /** @throws NotFoundException when there is no such profile */
  Profile get(UUID id);

  void delete(UUID id, String actor);

  /** Tests the profile's connection with network I/O: which step failed, or success. */
  ConnectionTestResult test(UUID id);

  /** Setting keys of this connector type that are secrets: never returned, never logged. */
  Set<String> secretSettings(String type);

  /** The connector types this server has ("csv", ...). */
  Set<String> types();
}
