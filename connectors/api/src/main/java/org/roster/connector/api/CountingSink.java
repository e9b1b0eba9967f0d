package org.roster.connector.api;

/**
 * Passes entries on to a sink and counts them, for the one-line summary a connector logs after a
 * read. Confined to the reading thread, like the sink it wraps.
 */
public final class CountingSink implements EntrySink {
  private final EntrySink target;
  private int accepted;
  private int rejected;

  public CountingSink(EntrySink target) {
    this.target = target;
  }

  @Override
  public boolean accept(SourceEntry entry) {
    accepted++;
    return target.accept(entry);
  }

  @Override
  public boolean reject(RejectedEntry entry) {
    rejected++;
    return target.reject(entry);
  }

  /** Entries handed on. */
  public int accepted() {
    return accepted;
  }

  /** Entries that could not be read. */
  public int rejected() {
    return rejected;
  }
}
