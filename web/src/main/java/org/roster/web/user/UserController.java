package org.roster.web.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.QueryUsersUseCase;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.UserQuery;
import org.roster.domain.identity.UserStatus;
import org.roster.web.json.StrictBoolean;
import org.roster.web.page.PageResponse;
import org.roster.web.security.ApiRoles;

/**
 * Browse users: search by text, status, profile, group, role and origin; one user with its groups
 * and roles. Changes to users are in {@link UserAdminController}.
 */
@Controller("/api/v1/users")
@Secured({ApiRoles.SYSADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {
  private final QueryUsersUseCase users;

  public UserController(QueryUsersUseCase users) {
    this.users = users;
  }

  /**
   * @param q a substring of the login, email or display name, case-insensitive
   * @param status ACTIVE, INACTIVE, BLOCKED or DELETED, in any case
   * @param groupId only direct members of this group
   * @param roleId only users holding this role
   * @param local true: only local users; false: only synced users
   */
  @Get
  public PageResponse<UserResponse> search(
      @QueryValue @Nullable String q,
      @QueryValue @Nullable String status,
      @QueryValue @Nullable UUID profileId,
      @QueryValue @Nullable UUID groupId,
      @QueryValue @Nullable UUID roleId,
      @QueryValue @Nullable String local,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    UserQuery query =
        new UserQuery(
            q == null || q.isBlank() ? null : q.trim(),
            statusOf(status),
            profileId,
            groupId,
            roleId,
            local == null || local.isBlank() ? null : StrictBoolean.query(local, "local", false));
    return PageResponse.from(users.search(query, new PageRequest(page, size)), UserResponse::from);
  }

  @Get("/{id}")
  public UserDetailsResponse get(UUID id) {
    return UserDetailsResponse.from(users.get(id));
  }

  private static UserStatus statusOf(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return UserStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "status",
          "'status' must be one of "
              + Arrays.toString(UserStatus.values())
              + "; not '"
              + status
              + "'");
    }
  }
}
