package org.roster.web.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;

/**
 * A user as a search lists it; see {@link User} for each field. {@code profileId} and {@code
 * externalId} are null for a local user.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserResponse(
    UUID id,
    String login,
    UserStatus status,
    InactiveReason inactiveReason,
    Map<String, String> attributes,
    UUID profileId,
    String externalId,
    boolean seat,
    @JsonProperty("protected") boolean protectedUser,
    Instant createdAt,
    Instant updatedAt) {

  public static UserResponse from(User user) {
    return new UserResponse(
        user.id(),
        user.login(),
        user.status(),
        user.inactiveReason(),
        new TreeMap<>(user.attributes()),
        user.profileId(),
        user.externalId(),
        user.seat(),
        user.protectedUser(),
        user.createdAt(),
        user.updatedAt());
  }
}
