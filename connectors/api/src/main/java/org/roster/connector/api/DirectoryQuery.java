package org.roster.connector.api;

/**
 * A search for selective import.
 *
 * @param by how to read {@code text}
 * @param text a name prefix or substring ("an" finds "andarm", "Analysis"), a group's name (its
 *     members are returned), or an RFC 4515 filter
 */
public record DirectoryQuery(By by, String text) {

  /** How the text is meant. */
  public enum By {
    /** Users and groups whose login or name contains the text. */
    NAME,
    /** The members of the groups whose name is the text. */
    GROUP,
    /** An RFC 4515 filter, ANDed with the profile's users filter. */
    FILTER
  }

  public DirectoryQuery {
    java.util.Objects.requireNonNull(by, "'by' must not be null");
    Require.notBlank(text, "text");
  }
}
