package org.roster.connector.azure;

import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SyncToken;

/**
 * The watermark of an incremental read: Graph's {@code @odata.deltaLink} of users and of groups, as
 * {@code azure1|<users delta link>|<groups delta link>}. Both kinds travel in one token because the
 * engine saves only the token of the last read (users).
 *
 * @param usersLink where {@code /users/delta} goes on
 * @param groupsLink where {@code /groups/delta} goes on
 */
record DeltaToken(String usersLink, String groupsLink) {
  private static final String VERSION = "azure1";

  DeltaToken {
    if (usersLink == null || usersLink.isBlank() || usersLink.contains("|")) {
      throw new IllegalArgumentException("'usersLink' must be a link without '|'");
    }
    if (groupsLink == null || groupsLink.isBlank() || groupsLink.contains("|")) {
      throw new IllegalArgumentException("'groupsLink' must be a link without '|'");
    }
  }

  /**
   * Reads a token this connector made for this Graph base URL.
   *
   * @throws FullSyncRequiredException for anything else
   */
  static DeltaToken parse(SyncToken token, String graphBase) {
    String[] parts = token.value().split("\\|", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new FullSyncRequiredException(
          "the sync token is not one the Entra ID connector made; a full sync is needed");
    }
    if (!parts[1].startsWith(graphBase + "/users/")
        || !parts[2].startsWith(graphBase + "/groups/")) {
      throw new FullSyncRequiredException(
          "the sync token's delta links are not of "
              + graphBase
              + " (was graphUrl changed?); a full sync is needed");
    }
    return new DeltaToken(parts[1], parts[2]);
  }

  DeltaToken withUsersLink(String link) {
    return new DeltaToken(link, groupsLink);
  }

  DeltaToken withGroupsLink(String link) {
    return new DeltaToken(usersLink, link);
  }

  SyncToken toSyncToken() {
    return new SyncToken(String.join("|", VERSION, usersLink, groupsLink));
  }
}
