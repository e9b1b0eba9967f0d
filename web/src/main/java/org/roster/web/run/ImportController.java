package org.roster.web.run;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.in.ImportCommand;
import org.roster.application.port.in.ImportEntriesUseCase;
import org.roster.domain.sync.SyncRun;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/**
 * Selective import of entries a directory search found ({@code GET
 * /api/v1/profiles/{id}/directory}): a run with trigger IMPORT that syncs just those entries.
 * Directory admins (SYNC_ADMIN) and SYSADMIN import: it creates users and gives them roles.
 */
@Controller("/api/v1/profiles/{profileId}/imports")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImportController {
  private final ImportEntriesUseCase imports;

  public ImportController(ImportEntriesUseCase imports) {
    this.imports = imports;
  }

  /** 202 with the QUEUED run and its address; its report says what happened to each entry. */
  @Post
  public HttpResponse<RunResponse> importSelected(
      UUID profileId, @Body ImportRequest request, Authentication authentication) {
    SyncRun run =
        imports.importSelected(
            new ImportCommand(
                profileId,
                request.externalIds(),
                request.enable(),
                request.roleIds() == null ? Set.of() : Set.copyOf(request.roleIds()),
                AdminActor.of(authentication)));
    return HttpResponse.accepted()
        .header(HttpHeaders.LOCATION, RunController.PATH + "/" + run.id())
        .body(RunResponse.from(run));
  }
}
