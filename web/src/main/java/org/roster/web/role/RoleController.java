package org.roster.web.role;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageRolesUseCase;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.role.Role;
import org.roster.web.json.StrictBoolean;
import org.roster.web.page.PageResponse;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/**
 * The role tree and its group bindings. Every admin reads them (people admins look users up by
 * role); directory admins (SYNC_ADMIN) and SYSADMIN change them.
 */
@Controller("/api/v1/roles")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoleController {
  private final ManageRolesUseCase roles;

  public RoleController(ManageRolesUseCase roles) {
    this.roles = roles;
  }

  /**
   * @param kind ORGANIZATIONAL or FUNCTIONAL, in any case
   * @param q a substring of the name, case-insensitive
   * @param parentId only the roles directly under this one
   */
  @Get
  @Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
  public PageResponse<RoleResponse> list(
      @QueryValue @Nullable String kind,
      @QueryValue @Nullable String q,
      @QueryValue @Nullable UUID parentId,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    return PageResponse.from(
        roles.list(RoleRequest.kindOf(kind, "kind"), q, parentId, new PageRequest(page, size)),
        RoleResponse::from);
  }

  @Get("/{id}")
  @Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
  public RoleDetailsResponse get(UUID id) {
    return RoleDetailsResponse.from(roles.get(id));
  }

  @Post
  public HttpResponse<RoleDetailsResponse> create(
      @Body RoleRequest request, Authentication authentication) {
    Role created = roles.create(request.toCommand(), AdminActor.of(authentication));
    return HttpResponse.created(
        RoleDetailsResponse.from(roles.get(created.id())),
        URI.create("/api/v1/roles/" + created.id()));
  }

  /** Renames and moves: name and parentId replace the role's (parentId left out: a root). */
  @Put("/{id}")
  public RoleDetailsResponse update(
      UUID id, @Body RoleRequest request, Authentication authentication) {
    roles.update(id, request.toCommand(), AdminActor.of(authentication));
    return RoleDetailsResponse.from(roles.get(id));
  }

  /** 204; refused with 409 while the role has children or holders, unless {@code force=true}. */
  @Delete("/{id}")
  public HttpResponse<Void> delete(
      UUID id,
      @QueryValue @Nullable String force,
      Authentication authentication) {
    roles.delete(id, StrictBoolean.query(force, "force", false), AdminActor.of(authentication));
    return HttpResponse.noContent();
  }

  /** Binds the role to exactly these groups; the next run of their profiles applies it. */
  @Put("/{id}/binding")
  public RoleDetailsResponse bind(
      UUID id, @Body BindingRequest request, Authentication authentication) {
    if (request.groupIds() == null) {
      throw new InvalidRequestException(
          "groupIds", "'groupIds' is required (an empty list unbinds the role)");
    }
    roles.bind(id, request.groupIds(), AdminActor.of(authentication));
    return RoleDetailsResponse.from(roles.get(id));
  }
}
