package org.roster.connector.api;

/** The two kinds of entries a directory holds that Roster syncs. */
public enum EntryKind {
  USER,
  GROUP
}
