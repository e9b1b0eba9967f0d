package org.roster.connector.api;

import java.time.Clock;

/**
 * What Roster tells a source when it opens it.
 *
 * @param profileId the profile the source belongs to, for logs
 * @param clock the clock to read time from (tests pass a fixed one)
 */
public record SourceContext(String profileId, Clock clock) {
  public SourceContext {
    Require.notBlank(profileId, "profileId");
    java.util.Objects.requireNonNull(clock, "'clock' must not be null");
  }
}
