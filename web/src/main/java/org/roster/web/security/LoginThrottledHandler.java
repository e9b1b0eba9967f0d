package org.roster.web.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.roster.application.port.in.LoginThrottledException;

/**
 * A login locked out by too many failures, whether an admin's (HTTP Basic, a password change) or
 * a user's ({@code POST /api/v1/auth/login}): 429 Too Many Requests with {@code Retry-After} in
 * seconds, as a problem.
 */
@Singleton
public class LoginThrottledHandler
    implements ExceptionHandler<LoginThrottledException, HttpResponse<?>> {
  private final ErrorResponseProcessor<?> problems;

  public LoginThrottledHandler(ErrorResponseProcessor<?> problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, LoginThrottledException exception) {
    return problems
        .processResponse(
            ErrorContext.builder(request)
                .cause(exception)
                .errorMessage(exception.getMessage())
                .build(),
            HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS))
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfter().getSeconds()));
  }
}
