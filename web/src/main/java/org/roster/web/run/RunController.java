package org.roster.web.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.UUID;
import org.roster.application.port.in.QueryRunsUseCase;
import org.roster.application.port.in.RunSyncUseCase;
import org.roster.application.port.out.PageRequest;
import org.roster.web.page.PageResponse;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/**
 * Run history, per-entry reports, and the admin's answer to a run waiting for confirmation. People
 * admins may run a sync now, so they may also follow it (read); confirming stays with sync admins.
 */
@Controller(RunController.PATH)
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunController {
  static final String PATH = "/api/v1/runs";

  private final QueryRunsUseCase history;
  private final RunSyncUseCase runs;

  public RunController(QueryRunsUseCase history, RunSyncUseCase runs) {
    this.history = history;
    this.runs = runs;
  }

  /** Newest first; of one profile when {@code profileId} is given. */
  @Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
  @Get
  public PageResponse<RunResponse> list(
      @QueryValue @Nullable UUID profileId,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    return PageResponse.from(
        history.list(profileId, new PageRequest(page, size)), RunResponse::from);
  }

  @Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
  @Get("/{id}")
  public RunResponse get(UUID id) {
    return RunResponse.from(history.get(id));
  }

  /** The per-entry report in order; unchanged entries are counted, not listed. */
  @Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
  @Get("/{id}/report")
  public PageResponse<RunEntryResponse> report(
      UUID id,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    return PageResponse.from(
        history.report(id, new PageRequest(page, size)), RunEntryResponse::from);
  }

  /** 202: the confirmed run is queued again and applies what the admin saw. */
  @Post("/{id}/confirm")
  public HttpResponse<RunResponse> confirm(UUID id, Authentication authentication) {
    RunResponse run = RunResponse.from(runs.confirm(id, AdminActor.of(authentication)));
    return HttpResponse.accepted().header(HttpHeaders.LOCATION, PATH + "/" + run.id()).body(run);
  }

  /** Cancels a run waiting for confirmation; nothing of it is applied. */
  @Post("/{id}/cancel")
  public RunResponse cancel(UUID id, Authentication authentication) {
    return RunResponse.from(runs.cancel(id, AdminActor.of(authentication)));
  }
}
