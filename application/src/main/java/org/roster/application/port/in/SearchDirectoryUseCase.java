package org.roster.application.port.in;

import java.util.List;
import java.util.UUID;
import org.roster.connector.api.DirectoryQuery;

/** Search a profile's directory for selective import (see seeds/002: "Import users & groups"). */
public interface SearchDirectoryUseCase {

  /**
   * Searches the directory (network I/O) and says for each hit whether it is new, already synced,
   * or in conflict with a local user.
   *
   * @param limit 1 to 500
   * @throws NotFoundException for an unknown profile
   * @throws InvalidRequestException ("q") for an invalid filter, ("profile") when the profile's
   *     source cannot be searched
   */
  List<DirectoryHit> search(UUID profileId, DirectoryQuery query, int limit);
}
