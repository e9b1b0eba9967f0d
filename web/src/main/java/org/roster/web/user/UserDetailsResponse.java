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
import org.roster.domain.identity.Group;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;

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

  /** A group the user is a direct member of. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record GroupRef(UUID id, String name) {
    static GroupRef from(Group group) {
      return new GroupRef(group.id(), group.name());
    }
  }

  /** A role the user holds. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record RoleRef(UUID id, String name, RoleKind kind) {
    static RoleRef from(Role role) {
      return new RoleRef(role.id(), role.name(), role.kind());
    }
  }

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
