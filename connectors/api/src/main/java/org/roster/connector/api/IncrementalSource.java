package org.roster.connector.api;

/**
 * Optional capability of a source: changes since an opaque {@link SyncToken}. The engine picks
 * incremental mode with {@code source instanceof IncrementalSource inc}.
 */
public interface IncrementalSource extends DirectorySource {

  /**
   * The watermark that a later {@link #readChanges} starts from to see every change made after
   * this call. Call it before a full read and save it only once that read has been applied.
   */
  SyncToken currentToken();

  /**
   * Streams the changes of one kind made since {@code since}: changed and new entries through
   * {@link ChangeSink#accept}, deletions through {@link ChangeSink#deleted}.
   *
   * @return the token to save once the changes have been applied (never null)
   * @throws FullSyncRequiredException when the token is no longer usable (expired delta link, a
   *     different domain controller); the caller runs a full sync instead
   */
  SyncToken readChanges(EntryKind kind, SyncToken since, ChangeSink sink);

  /**
   * Reads these users again as they are now, whether they changed or not (the members who left a
   * changed group, see {@link ChangeSink#members}). A user no longer in scope is not emitted. The
   * default reads nothing: such removals then wait for the next full run.
   *
   * @param externalIds the users' immutable ids
   */
  default void readUsers(java.util.Collection<String> externalIds, EntrySink sink) {}
}
