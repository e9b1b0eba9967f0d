package org.roster.application.service;

import java.util.UUID;

/**
 * Thrown just before a run would commit when its node no longer holds the profile's lease: it
 * could not renew it in time (cut off from the database) and another node may have taken the
 * profile over. The run's transaction rolls back, so two nodes never both apply a profile.
 */
public final class LeaseLostException extends RuntimeException {
  public LeaseLostException(UUID runId) {
    super("run " + runId + " lost its lease on the profile before it could commit (this node could"
        + " not renew it in time; another node may have taken the profile over); nothing was applied");
  }
}
