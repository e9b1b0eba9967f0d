package org.roster.connector.api;

/** Receives the changes an incremental read finds. Called on the reading thread, in order. */
public interface ChangeSink extends EntrySink {

  /**
   * An entry was deleted in the source (AD Deleted Objects, Graph {@code @removed}, Okta
   * DEPROVISIONED).
   *
   * @return true to go on reading, false to stop
   */
  boolean deleted(EntryKind kind, String externalId);
}
