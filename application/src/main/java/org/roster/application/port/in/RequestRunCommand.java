package org.roster.application.port.in;

import java.util.UUID;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunTrigger;

/**
 * Ask for a run of a profile.
 *
 * @param profileId the profile
 * @param mode full, incremental or dry run
 * @param trigger what asks
 * @param actor who asks ({@code admin:<login>}, {@code schedule})
 */
public record RequestRunCommand(UUID profileId, RunMode mode, RunTrigger trigger, String actor) {
  public RequestRunCommand {
    if (profileId == null) {
      throw new InvalidRequestException("profileId", "'profileId' is required");
    }
    if (mode == null) {
      throw new InvalidRequestException("mode", "'mode' is required (full, incremental, dry-run)");
    }
  }
}
