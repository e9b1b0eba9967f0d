package org.roster.web.login;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.VerifyLoginUseCase;
import org.roster.web.security.ApiRoles;

/**
 * Lets an application verify a user's login: 200 with {@code accepted} true or false (a refusal
 * is an answer, not an error); 503 when the user's directory cannot be asked.
 */
@Controller("/api/v1/auth/login")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginController {
  private final VerifyLoginUseCase logins;

  public LoginController(VerifyLoginUseCase logins) {
    this.logins = logins;
  }

  @Post
  public LoginResponse verify(@Body LoginRequest request) {
    if (request.login() == null || request.login().isBlank()) {
      throw new InvalidRequestException("login", "'login' must not be blank");
    }
    if (request.password() == null) {
      throw new InvalidRequestException("password", "'password' is required");
    }
    return LoginResponse.from(logins.verify(request.login(), request.password()));
  }
}
