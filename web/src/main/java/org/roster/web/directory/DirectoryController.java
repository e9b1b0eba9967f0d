package org.roster.web.directory;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.Locale;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.SearchDirectoryUseCase;
import org.roster.connector.api.DirectoryQuery;
import org.roster.web.security.ApiRoles;

/**
 * Searches a profile's directory for selective import: {@code by=name} (default), {@code group}
 * (members of the group so named) or {@code filter} (an RFC 4515 filter).
 */
@Controller("/api/v1/profiles/{profileId}/directory")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DirectoryController {
  private final SearchDirectoryUseCase search;

  public DirectoryController(SearchDirectoryUseCase search) {
    this.search = search;
  }

  @Get
  public DirectorySearchResponse search(
      UUID profileId,
      @QueryValue(defaultValue = "") String q,
      @QueryValue(defaultValue = "name") String by,
      @QueryValue(defaultValue = "50") int limit) {
    if (q.isBlank()) {
      throw new InvalidRequestException("q", "'q' must not be blank");
    }
    DirectoryQuery.By how;
    try {
      how = DirectoryQuery.By.valueOf(by.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("by", "'by' must be one of name, group, filter; not '" + by + "'");
    }
    return new DirectorySearchResponse(
        search.search(profileId, new DirectoryQuery(how, q), limit).stream()
            .map(DirectoryHitResponse::from)
            .toList(),
        limit);
  }
}
