package org.roster.application.port.in;

import java.util.UUID;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;

/**
 * The users, groups and roles a sync must never overwrite (DESIGN rule 10). A change reaches each
 * profile's next run, which then re-evaluates every user.
 */
public interface ManageExclusionsUseCase {

  /**
   * Exclusions newest first.
   *
   * @param objectType "USER", "GROUP" or "ROLE" in any case; null = all
   * @throws InvalidRequestException ("objectType") for another type
   */
  Page<ExcludedObject> list(String objectType, PageRequest page);

  /** @throws NotFoundException when the object is not excluded */
  ExcludedObject get(String objectType, UUID objectId);

  /**
   * Excludes an object; excluding it again changes nothing.
   *
   * @return the exclusion, and whether it is new
   * @throws NotFoundException when the object does not exist
   */
  Added add(String objectType, UUID objectId, String actor);

  /** @throws NotFoundException when the object is not excluded */
  void remove(String objectType, UUID objectId, String actor);

  /** The outcome of {@link #add}: the exclusion, and true when it was not there before. */
  record Added(ExcludedObject excluded, boolean created) {}
}
