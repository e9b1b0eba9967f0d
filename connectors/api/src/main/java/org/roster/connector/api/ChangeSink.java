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

  /**
   * The complete set of a changed group's direct user members, when the source knows it. Roster
   * compares it with the members it holds and reads again, through {@link
   * IncrementalSource#readUsers}, the ones who left or joined and were not read by this increment:
   * a member leaving or joining a group does not always change the member's own entry (OpenLDAP's
   * memberof overlay leaves its modifyTimestamp alone).
   *
   * @return true to go on reading, false to stop
   */
  default boolean members(String groupExternalId, java.util.Set<String> userExternalIds) {
    return true;
  }
}
