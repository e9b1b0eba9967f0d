package org.roster.web.token;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.util.UUID;
import org.roster.application.port.in.ApiTokensUseCase;
import org.roster.application.port.out.PageRequest;
import org.roster.web.page.PageResponse;
import org.roster.web.security.AdminActor;
import org.roster.web.security.ApiRoles;

/**
 * API tokens for scripts and scrapers: any admin makes, lists and revokes their own (a SYSADMIN
 * sees and revokes everyone's). A token is made only with a password login, never with a token.
 */
@Controller("/api/v1/tokens")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {
  private final ApiTokensUseCase tokens;

  public TokenController(ApiTokensUseCase tokens) {
    this.tokens = tokens;
  }

  /** 201 with the token's secret, shown this once; {@code Cache-Control: no-store}. */
  @Post
  public HttpResponse<IssuedTokenResponse> issue(
      @Body TokenRequest request, Authentication authentication) {
    IssuedTokenResponse issued = IssuedTokenResponse.from(
        tokens.issue(request.toCommand(), AdminActor.caller(authentication)));
    return HttpResponse.<IssuedTokenResponse>status(HttpStatus.CREATED)
        .body(issued)
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Get
  public PageResponse<TokenResponse> list(
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size,
      Authentication authentication) {
    return PageResponse.from(
        tokens.list(AdminActor.caller(authentication), new PageRequest(page, size)),
        TokenResponse::from);
  }

  @Delete("/{id}")
  public HttpResponse<Void> revoke(UUID id, Authentication authentication) {
    tokens.revoke(id, AdminActor.caller(authentication));
    return HttpResponse.noContent();
  }
}
