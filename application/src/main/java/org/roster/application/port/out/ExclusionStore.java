package org.roster.application.port.out;

import java.util.UUID;
import org.roster.domain.sync.Exclusions;

/** Objects a sync must never overwrite. Joins the caller's transaction. */
public interface ExclusionStore {

  /** Every exclusion, as the engine applies them. */
  Exclusions load();

  /**
   * Adds an exclusion; adding one twice is harmless and keeps the first one's time and author.
   *
   * @return true when it was not there yet
   */
  boolean add(Exclusion exclusion);

  /** The exclusion of this object, if it is excluded. */
  java.util.Optional<Exclusion> find(String objectType, UUID objectId);

  /**
   * Removes an exclusion of a "USER", "GROUP" or "ROLE".
   *
   * @return true when there was one
   */
  boolean remove(String objectType, UUID objectId);

  /**
   * Exclusions newest first (those without a time last), then by type and id.
   *
   * @param objectType only this type; null = all
   */
  Page<Exclusion> list(String objectType, PageRequest page);
}
