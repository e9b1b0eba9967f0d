package org.roster.connector.ldap;

import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;

/** Passes entries on to a sink and counts them, for the one-line summary of a read. */
final class CountingSink implements EntrySink {
  private final EntrySink target;
  private int accepted;
  private int rejected;

  CountingSink(EntrySink target) {
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

  int accepted() {
    return accepted;
  }

  int rejected() {
    return rejected;
  }
}
