package org.roster.connector.okta;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SyncToken;

/**
 * The watermark of an incremental read, as {@code okta1|<scope>|<watermark epoch ms>|<full run
 * epoch s>|<group ids, comma-separated, or ->}. The group ids are the profile's groups at the
 * watermark: Okta keeps no trace of a deleted group, so a group missing from a later read was
 * deleted (or left the profile's scope). One token serves both kinds of a run.
 *
 * @param scope a digest of the org URL and the profile's group and user scope: a token made for
 *     another scope asks for a full sync
 * @param watermark when the read that made the token started
 * @param fullRun when the full read this chain of tokens started from began
 * @param groupIds the profile's groups then
 */
record OktaToken(String scope, Instant watermark, Instant fullRun, Set<String> groupIds) {
  private static final String VERSION = "okta1";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+");

  OktaToken {
    Objects.requireNonNull(scope, "'scope' must not be null");
    Objects.requireNonNull(watermark, "'watermark' must not be null");
    Objects.requireNonNull(fullRun, "'fullRun' must not be null");
    groupIds = Set.copyOf(groupIds);
    if (!groupIds.stream().allMatch(id -> ID.matcher(id).matches())) {
      throw new IllegalArgumentException("'groupIds' must be Okta ids");
    }
  }

  /**
   * Reads a token this connector made for this scope.
   *
   * @throws FullSyncRequiredException for anything else
   */
  static OktaToken parse(SyncToken token, String expectedScope) {
    String[] parts = token.value().split("\\|", -1);
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw new FullSyncRequiredException(
          "the sync token is not one the Okta connector made; a full sync is needed");
    }
    if (!parts[1].equals(expectedScope)) {
      throw new FullSyncRequiredException(
          "the sync token was made for another org URL, groups or users filter; a full sync is"
              + " needed");
    }
    try {
      Set<String> ids =
          parts[4].equals("-") ? Set.of() : Set.copyOf(Arrays.asList(parts[4].split(",", -1)));
      return new OktaToken(
          parts[1],
          Instant.ofEpochMilli(Long.parseLong(parts[2])),
          Instant.ofEpochSecond(Long.parseLong(parts[3])),
          ids);
    } catch (IllegalArgumentException e) {
      throw new FullSyncRequiredException("the sync token is damaged; a full sync is needed");
    }
  }

  /** The same chain's next token (same full run). */
  OktaToken next(Instant newWatermark, Set<String> currentGroupIds) {
    return new OktaToken(scope, newWatermark, fullRun, currentGroupIds);
  }

  SyncToken toSyncToken() {
    String ids = groupIds.isEmpty() ? "-" : String.join(",", new TreeSet<>(groupIds));
    return new SyncToken(
        String.join(
            "|",
            VERSION,
            scope,
            Long.toString(watermark.toEpochMilli()),
            Long.toString(fullRun.getEpochSecond()),
            ids));
  }
}
