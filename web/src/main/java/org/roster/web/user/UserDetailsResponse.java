package org.roster.web.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.roster.application.port.in.UserDetails;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.web.ref.GroupRef;
import org.roster.web.ref.RoleRef;

/** One user with the groups it is a direct member of and the roles it holds. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserDetailsResponse(
    UUID id,
    String login,
    UserStatus status,
    InactiveReason inactiveReason,
    Map<String, String> attributes,
    UUID profileId,
    String externalId,
    String location,
    boolean seat,
    @JsonProperty("protected") boolean protectedUser,
    Instant blockedSince,
    Instant createdAt,
    Instant updatedAt,
    List<GroupRef> groups,
    List<RoleRef> roles) {

  public static UserDetailsResponse from(UserDetails details) {
    User user = details.user();
    return new UserDetailsResponse(
        user.id(),
        user.login(),
        user.status(),
        user.inactiveReason(),
        new TreeMap<>(user.attributes()),
        user.profileId(),
        user.externalId(),
        user.location(),
        user.seat(),
        user.protectedUser(),
        user.blockedSince(),
        user.createdAt(),
        user.updatedAt(),
        details.groups().stream().map(GroupRef::from).toList(),
        details.roles().stream().map(RoleRef::from).toList());
  }
}
