package org.roster.connector.api;

/**
 * A live connection to one configured directory. Opened per run and closed after it; not
 * thread-safe. A source only reads: Roster never writes to a directory.
 */
public interface DirectorySource extends AutoCloseable {

  /**
   * Checks that the directory can be reached and read with the profile's settings: reach, bind,
   * read one entry. Does network I/O.
   *
   * @throws ConnectorException naming the step that failed
   */
  void testConnection();

  /**
   * Streams every in-scope entry of one kind to the sink, in source order, on the calling thread.
   * Returns normally only when the whole source was read (or the sink asked to stop); a read that
   * could not finish throws, so that the caller applies nothing destructive. Memory use does not
   * grow with the size of the directory beyond what membership resolution needs.
   *
   * <p>Groups are read before users so that a user's {@link SourceUser#groupIds()} refer to groups
   * already seen.
   *
   * @throws SourceUnavailableException when the source cannot be reached or stops answering
   * @throws SourceAuthenticationException when the credentials are refused
   * @throws SourceDataException when the source's data is unusable as a whole
   */
  void readAll(EntryKind kind, EntrySink sink);

  /** Releases connections and files; never throws. */
  @Override
  void close();
}
