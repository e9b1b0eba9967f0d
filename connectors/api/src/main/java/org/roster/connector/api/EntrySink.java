package org.roster.connector.api;

/**
 * Receives a stream of entries from a full read. Called on the reading thread, in source order.
 */
public interface EntrySink {

  /**
   * Takes one entry.
   *
   * @return true to go on reading, false to stop the read (the source returns promptly)
   */
  boolean accept(SourceEntry entry);

  /**
   * Takes an entry that could not be read; the read goes on unless this returns false.
   *
   * @return true to go on reading, false to stop
   */
  boolean reject(RejectedEntry rejected);
}
