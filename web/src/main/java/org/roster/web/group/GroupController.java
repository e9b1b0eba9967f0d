package org.roster.web.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.UUID;
import org.roster.application.port.in.QueryGroupsUseCase;
import org.roster.application.port.out.GroupQuery;
import org.roster.application.port.out.PageRequest;
import org.roster.web.json.StrictBoolean;
import org.roster.web.page.PageResponse;
import org.roster.web.security.ApiRoles;

/** Browse the synced groups (read-only: groups come from the directories). Every admin reads. */
@Controller("/api/v1/groups")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class GroupController {
  private final QueryGroupsUseCase groups;

  public GroupController(QueryGroupsUseCase groups) {
    this.groups = groups;
  }

  /**
   * @param q a substring of the name, case-insensitive
   * @param profileId only the groups of this profile
   * @param deleted true: also the groups their directory no longer has (default false)
   */
  @Get
  public PageResponse<GroupResponse> search(
      @QueryValue @Nullable String q,
      @QueryValue @Nullable UUID profileId,
      @QueryValue @Nullable String deleted,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    GroupQuery query =
        new GroupQuery(
            q == null || q.isBlank() ? null : q.strip(),
            profileId,
            StrictBoolean.query(deleted, "deleted", false));
    return PageResponse.from(groups.search(query, new PageRequest(page, size)), GroupResponse::from);
  }

  @Get("/{id}")
  public GroupDetailsResponse get(UUID id) {
    return GroupDetailsResponse.from(groups.get(id));
  }
}
