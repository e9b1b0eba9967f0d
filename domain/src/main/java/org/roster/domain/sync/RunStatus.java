package org.roster.domain.sync;

/** Where a run is in its life. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Tripped the deletion threshold: nothing applied until an admin confirms. */
  NEEDS_CONFIRMATION,
  CANCELLED,
  /** Cut off by a crash of the node that ran it; found at the next start. */
  ABORTED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == ABORTED;
  }

  public boolean active() {
    return this == QUEUED || this == RUNNING;
  }
}
