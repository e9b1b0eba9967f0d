package org.roster.connector.api;

import java.util.List;

/**
 * Optional capability: search the directory for selective import ("Import users &amp; groups"):
 * by name, by group, or with an RFC 4515 filter.
 */
public interface SearchableSource extends DirectorySource {

  /**
   * Finds entries. User input in {@link DirectoryQuery.By#NAME} and {@link DirectoryQuery.By#GROUP}
   * is escaped by the connector; a {@link DirectoryQuery.By#FILTER} is validated, not escaped.
   *
   * @param limit at most this many entries (the directory may be asked for one more to tell that
   *     there are more)
   * @return users and groups, users with their group ids, in the directory's order
   * @throws InvalidSettingsException (field "q") for an invalid filter
   */
  List<SourceEntry> search(DirectoryQuery query, int limit);
}
