package org.roster.web.user;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageUsersUseCase;
import org.roster.domain.identity.User;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/**
 * People admins' changes to users: local users and their passwords, protection, deactivation and
 * activation, and linking a local user to a directory entry. Each answers the user as it is after.
 */
@Controller("/api/v1/users")
@Secured({ApiRoles.SYSADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserAdminController {
  private final ManageUsersUseCase users;

  public UserAdminController(ManageUsersUseCase users) {
    this.users = users;
  }

  /** Creates a local user who logs in with this password → 201. */
  @Post
  public HttpResponse<UserResponse> createLocal(
      @Body LocalUserRequest request, Authentication authentication) {
    User created = users.createLocal(request.toCommand(), AdminActor.of(authentication));
    return HttpResponse.created(
        UserResponse.from(created), URI.create("/api/v1/users/" + created.id()));
  }

  /** Sets a local user's password → 204; 409 for a synced user. */
  @Put("/{id}/password")
  public HttpResponse<Void> setPassword(
      UUID id, @Body PasswordRequest request, Authentication authentication) {
    users.setPassword(id, request.password(), AdminActor.of(authentication));
    return HttpResponse.noContent();
  }

  @Put("/{id}/protected")
  public UserResponse setProtected(
      UUID id, @Body ProtectedRequest request, Authentication authentication) {
    if (request.protectedUser() == null) {
      throw new InvalidRequestException("protected", "'protected' is required (true or false)");
    }
    return UserResponse.from(
        users.setProtected(id, request.protectedUser(), AdminActor.of(authentication)));
  }

  /** INACTIVE by an admin: no sync reactivates the user; its seat is freed. */
  @Post("/{id}/deactivate")
  public UserResponse deactivate(UUID id, Authentication authentication) {
    return UserResponse.from(users.deactivate(id, AdminActor.of(authentication)));
  }

  /** ACTIVE again (with a seat when its profile grants licences); 409 when none is free. */
  @Post("/{id}/activate")
  public UserResponse activate(UUID id, Authentication authentication) {
    return UserResponse.from(users.activate(id, AdminActor.of(authentication)));
  }

  /** Links a local user to a directory entry: from then on the profile syncs it. */
  @Post("/{id}/link")
  public UserResponse link(UUID id, @Body LinkRequest request, Authentication authentication) {
    return UserResponse.from(
        users.link(id, request.profileId(), request.externalId(), AdminActor.of(authentication)));
  }
}
