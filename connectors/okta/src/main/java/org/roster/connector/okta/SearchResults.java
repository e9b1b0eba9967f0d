package org.roster.connector.okta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;

/**
 * What a search found: up to {@code limit} entries, each once (a user in two groups of the same
 * name is listed once); entries that cannot be mapped are left out. Asks to stop once full.
 */
final class SearchResults implements EntrySink {
  private final int limit;
  private final List<SourceEntry> entries = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  SearchResults(int limit) {
    this.limit = limit;
  }

  /** How many entries are still wanted. */
  int room() {
    return limit - entries.size();
  }

  /** Whether an entry with this id was found already. */
  boolean contains(String externalId) {
    return ids.contains(externalId);
  }

  @Override
  public boolean accept(SourceEntry entry) {
    if (entries.size() < limit && ids.add(entry.externalId())) {
      entries.add(entry);
    }
    return room() > 0;
  }

  @Override
  public boolean reject(RejectedEntry rejected) {
    return room() > 0;
  }

  List<SourceEntry> entries() {
    return List.copyOf(entries);
  }
}
