package org.roster.connector.api;

/**
 * An opaque watermark from which an {@link IncrementalSource} reads changes (a USN, a delta link,
 * a timestamp). Only the connector that made it reads it; Roster stores it as given.
 */
public record SyncToken(String value) {
  public SyncToken {
    Require.notBlank(value, "value");
  }
}
