package org.roster.web.admin;

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
import org.roster.application.port.in.AdminCaller;
import org.roster.application.port.in.ManageAdminsUseCase;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.AdminAccount;
import org.roster.web.page.PageResponse;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;
import org.roster.web.security.RoleNames;

/**
 * Roster's admin accounts (SYSADMIN), and for every admin their own account ({@code /me}): who
 * they are and a change of their own password.
 */
@Controller("/api/v1/admins")
@Secured(ApiRoles.SYSADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {
  private final ManageAdminsUseCase admins;

  public AdminController(ManageAdminsUseCase admins) {
    this.admins = admins;
  }

  @Get
  public PageResponse<AdminResponse> list(
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    return PageResponse.from(admins.list(new PageRequest(page, size)), AdminResponse::from);
  }

  @Post
  public HttpResponse<AdminResponse> create(
      @Body AdminCreateRequest request, Authentication authentication) {
    AdminAccount created = admins.create(request.toCommand(), authentication.getName());
    return HttpResponse.created(
        AdminResponse.from(created), URI.create("/api/v1/admins/" + created.login()));
  }

  @Get("/me")
  @Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
  public MeResponse me(Authentication authentication) {
    AdminCaller caller = AdminActor.caller(authentication);
    return new MeResponse(caller.login(), RoleNames.of(caller.roles()),
        caller.viaToken() ? "token" : "password");
  }

  @Put("/me/password")
  @Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
  public HttpResponse<Void> changeOwnPassword(
      @Body PasswordChangeRequest request, Authentication authentication) {
    admins.changeOwnPassword(authentication.getName(), request.current(), request.newPassword());
    return HttpResponse.noContent();
  }

  @Get("/{login}")
  public AdminResponse get(String login) {
    return AdminResponse.from(admins.get(login));
  }

  @Put("/{login}")
  public AdminResponse update(
      String login, @Body AdminUpdateRequest request, Authentication authentication) {
    return AdminResponse.from(admins.update(login, request.toCommand(), authentication.getName()));
  }

  @Delete("/{login}")
  public HttpResponse<Void> delete(String login, Authentication authentication) {
    admins.delete(login, authentication.getName());
    return HttpResponse.noContent();
  }
}
