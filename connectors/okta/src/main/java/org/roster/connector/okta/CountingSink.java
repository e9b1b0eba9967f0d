package org.roster.connector.okta;

import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;

/** Counts what passes to a sink, for the read's log line. */
final class CountingSink implements EntrySink {
  private final EntrySink sink;
  private int accepted;
  private int rejected;

  CountingSink(EntrySink sink) {
    this.sink = sink;
  }

  @Override
  public boolean accept(SourceEntry entry) {
    accepted++;
    return sink.accept(entry);
  }

  @Override
  public boolean reject(RejectedEntry entry) {
    rejected++;
    return sink.reject(entry);
  }

  int accepted() {
    return accepted;
  }

  int rejected() {
    return rejected;
  }
}
