package org.roster.web.licence;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.math.BigDecimal;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageLicencesUseCase;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.User;
import org.roster.web.page.PageResponse;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/**
 * The licence pool: people admins see it, its blocked queue, and release seats; only a SYSADMIN
 * sets the limit (it is what the organisation bought).
 */
@Controller("/api/v1/licences")
@Secured({ApiRoles.SYSADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class LicenceController {
  private final ManageLicencesUseCase licences;

  public LicenceController(ManageLicencesUseCase licences) {
    this.licences = licences;
  }

  @Get
  public LicenceResponse pool() {
    return LicenceResponse.from(licences.overview());
  }

  /**
   * {@code {"limit": n}} or {@code {"limit": null}} (unlimited). Lowering it below the seats held
   * is allowed: they stay held, and no new seat is handed out until enough are freed.
   */
  @Put("/limit")
  @Secured(ApiRoles.SYSADMIN)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = LimitRequest.class)))
  public LicenceResponse setLimit(@Body JsonNode body, Authentication authentication) {
    return LicenceResponse.from(licences.setLimit(limitOf(body), AdminActor.of(authentication)));
  }

  /** The BLOCKED users, in the order they get seats. */
  @Get("/blocked")
  public PageResponse<BlockedUserResponse> blocked(
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size) {
    PageRequest request = new PageRequest(page, size);
    Page<User> found = licences.blocked(request);
    long[] position = {request.offset()};
    return PageResponse.from(found, u -> BlockedUserResponse.from(u, ++position[0]));
  }

  /** Activates blocked users first-come while seats are free; says how many and who. */
  @Post("/release")
  public ReleaseResponse release(Authentication authentication) {
    return ReleaseResponse.from(licences.release(AdminActor.of(authentication)));
  }

  /** The limit a body asks for: a whole number from 0, or null; "limit" must be there. */
  private static Integer limitOf(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("limit", "the body must be {\"limit\": n} or {\"limit\": null}");
    }
    for (var entry : body.entries()) {
      if (!entry.getKey().equals("limit")) {
        throw new InvalidRequestException(entry.getKey(), "'" + entry.getKey() + "' is not a known property");
      }
    }
    JsonNode limit = body.get("limit");
    if (limit == null) {
      throw new InvalidRequestException("limit", "'limit' is required: a number of seats, or null for no limit");
    }
    if (limit.isNull()) {
      return null;
    }
    if (limit.isNumber()) {
      BigDecimal n = new BigDecimal(limit.getNumberValue().toString());
      if (n.stripTrailingZeros().scale() <= 0 && n.signum() >= 0
          && n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        return n.intValue();
      }
    }
    throw new InvalidRequestException("limit", "'limit' must be a whole number from 0, or null; not " + limit);
  }
}
