package org.roster.web.profile;

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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.in.ManageProfilesUseCase;
import org.roster.application.port.in.QuerySchedulesUseCase;
import org.roster.application.port.in.ScheduleStatus;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.sync.Profile;
import org.roster.web.page.PageResponse;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/** Sync profiles: create, list, read, replace, delete, test the connection. */
@Controller("/api/v1/profiles")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProfileController {
  private final ManageProfilesUseCase profiles;
  private final QuerySchedulesUseCase schedules;

  public ProfileController(ManageProfilesUseCase profiles, QuerySchedulesUseCase schedules) {
    this.profiles = profiles;
    this.schedules = schedules;
  }

  @Post
  public HttpResponse<ProfileResponse> create(
      @Body ProfileRequest request, Authentication authentication) {
    Profile created =
        profiles.create(
            request.toCommand(secretsOf(request.type())), AdminActor.of(authentication));
    return HttpResponse.created(response(created), URI.create("/api/v1/profiles/" + created.id()));
  }

  @Get
  public PageResponse<ProfileResponse> list(
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    Map<UUID, ScheduleStatus> statuses = schedules.statuses();
    return PageResponse.slice(
        profiles.list(),
        new PageRequest(page, size),
        p -> response(p, statuses.getOrDefault(p.id(), ScheduleStatus.NONE)));
  }

  @Get("/{id}")
  public ProfileResponse get(UUID id) {
    return response(profiles.get(id));
  }

  @Put("/{id}")
  public ProfileResponse update(
      UUID id, @Body ProfileRequest request, Authentication authentication) {
    return response(
        profiles.update(
            id, request.toCommand(secretsOf(request.type())), AdminActor.of(authentication)));
  }

  @Delete("/{id}")
  public HttpResponse<Void> delete(UUID id, Authentication authentication) {
    profiles.delete(id, AdminActor.of(authentication));
    return HttpResponse.noContent();
  }

  @Post("/{id}/test")
  public ConnectionTestResponse test(UUID id) {
    return ConnectionTestResponse.from(profiles.test(id));
  }

  private ProfileResponse response(Profile profile) {
    return response(profile, schedules.status(profile.id()));
  }

  private ProfileResponse response(Profile profile, ScheduleStatus status) {
    return ProfileResponse.from(profile, secretsOf(profile.type()), status);
  }

  private Set<String> secretsOf(String type) {
    return type == null || type.isBlank() ? Set.of() : profiles.secretSettings(type);
  }
}
