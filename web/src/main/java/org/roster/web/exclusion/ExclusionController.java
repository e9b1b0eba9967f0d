package org.roster.web.exclusion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageExclusionsUseCase;
import org.roster.application.port.out.PageRequest;
import org.roster.web.page.PageResponse;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/**
 * The users, groups and roles a sync must never overwrite; directory admins (SYNC_ADMIN) and
 * SYSADMIN manage them. An exclusion is addressed by its object: {@code /{objectType}/{objectId}}.
 */
@Controller(ExclusionController.PATH)
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExclusionController {
  static final String PATH = "/api/v1/exclusions";

  private final ManageExclusionsUseCase exclusions;

  public ExclusionController(ManageExclusionsUseCase exclusions) {
    this.exclusions = exclusions;
  }

  /** Newest first; {@code objectType} USER, GROUP or ROLE (any case) filters. */
  @Get
  public PageResponse<ExclusionResponse> list(
      @QueryValue @Nullable String objectType,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    return PageResponse.from(
        exclusions.list(
            objectType == null || objectType.isBlank() ? null : objectType,
            new PageRequest(page, size)),
        ExclusionResponse::from);
  }

  @Get("/{objectType}/{objectId}")
  public ExclusionResponse get(String objectType, UUID objectId) {
    return ExclusionResponse.from(exclusions.get(objectType, objectId));
  }

  /** 201 with the new exclusion; 200 when the object was excluded already; 404 for no object. */
  @Post
  public HttpResponse<ExclusionResponse> add(
      @Body ExclusionRequest request, Authentication authentication) {
    if (request.objectType() == null) {
      throw new InvalidRequestException("objectType", "'objectType' is required (USER, GROUP or ROLE)");
    }
    if (request.objectId() == null) {
      throw new InvalidRequestException("objectId", "'objectId' is required");
    }
    ManageExclusionsUseCase.Added added =
        exclusions.add(request.objectType(), request.objectId(), AdminActor.of(authentication));
    ExclusionResponse body = ExclusionResponse.from(added.excluded());
    return added.created()
        ? HttpResponse.created(body, URI.create(body.path()))
        : HttpResponse.ok(body);
  }

  @Delete("/{objectType}/{objectId}")
  public HttpResponse<Void> remove(
      String objectType, UUID objectId, Authentication authentication) {
    exclusions.remove(objectType, objectId, AdminActor.of(authentication));
    return HttpResponse.noContent();
  }
}
