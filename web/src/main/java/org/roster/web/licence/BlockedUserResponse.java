package org.roster.web.licence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.roster.domain.identity.User;

/** A user waiting for a seat; {@code position} 1 gets the next free seat. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BlockedUserResponse(
    long position,
    UUID id,
    String login,
    String displayName,
    UUID profileId,
    String externalId,
    Instant blockedSince) {

  static BlockedUserResponse from(User user, long position) {
    return new BlockedUserResponse(
        position,
        user.id(),
        user.login(),
        user.attribute("displayName"),
        user.profileId(),
        user.externalId(),
        user.blockedSince());
  }
}
