package org.roster.application.port.out;

import java.util.UUID;
import org.roster.domain.sync.Exclusions;

/** Objects a sync must never overwrite. Joins the caller's transaction. */
public interface ExclusionStore {

  Exclusions load();

  /** Adds an exclusion of a "USER", "GROUP" or "ROLE"; adding one twice is harmless. */
  void add(String objectType, UUID objectId);

  void remove(String objectType, UUID objectId);
}
