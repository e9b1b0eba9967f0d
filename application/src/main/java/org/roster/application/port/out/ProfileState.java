package org.roster.application.port.out;

import java.time.Instant;
import java.util.UUID;

/**
 * What a profile's last successful run left behind.
 *
 * @param profileId the profile
 * @param syncToken the incremental watermark; null when none
 * @param fingerprint fingerprint of the profile's settings, policy, group graph and role bindings
 *     at the last applied run: when it differs, every user is re-evaluated
 * @param lastFullRunAt when the last full run was applied; null before the first
 */
public record ProfileState(UUID profileId, String syncToken, String fingerprint, Instant lastFullRunAt) {
  public static ProfileState empty(UUID profileId) {
    return new ProfileState(profileId, null, null, null);
  }
}
