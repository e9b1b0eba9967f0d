package org.roster.web.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.UUID;
import org.roster.application.port.in.RequestRunCommand;
import org.roster.application.port.in.RunSyncUseCase;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/** "Run now": queues a run of one profile. People admins may do this too. */
@Controller("/api/v1/profiles/{profileId}/runs")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProfileRunController {
  private final RunSyncUseCase runs;

  public ProfileRunController(RunSyncUseCase runs) {
    this.runs = runs;
  }

  /** 202 with the QUEUED run and its address; without a body the run is full. */
  @Post
  public HttpResponse<RunResponse> request(
      UUID profileId, @Body @Nullable RunRequest request, Authentication authentication) {
    RunRequest asked = request == null ? new RunRequest(null) : request;
    SyncRun run =
        runs.request(
            new RequestRunCommand(
                profileId, asked.runMode(), RunTrigger.MANUAL, AdminActor.of(authentication)));
    return HttpResponse.accepted()
        .header(HttpHeaders.LOCATION, RunController.PATH + "/" + run.id())
        .body(RunResponse.from(run));
  }
}
