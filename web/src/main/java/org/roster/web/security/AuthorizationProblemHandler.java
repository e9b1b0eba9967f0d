package org.roster.web.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a refused request: 401 with a Basic challenge when no valid credentials came, 403 when
 * the admin's role does not cover the endpoint. Never redirects: this is an API.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler
    implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
  static final String CHALLENGE = "Basic realm=\"Roster\", charset=\"UTF-8\"";

  private final ErrorResponseProcessor<?> problems;

  public AuthorizationProblemHandler(ErrorResponseProcessor<?> problems) {
    this.problems = problems;
  }

  @Override
  public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
    if (exception.isForbidden()) {
      return problems.processResponse(
          ErrorContext.builder(request)
              .cause(exception)
              .errorMessage(
                  "Your admin role does not allow " + request.getMethod() + " " + request.getPath())
              .build(),
          HttpResponse.status(HttpStatus.FORBIDDEN));
    }
    return problems
        .processResponse(
            ErrorContext.builder(request)
                .cause(exception)
                .errorMessage("Credentials of a Roster admin are required (HTTP Basic)")
                .build(),
            HttpResponse.status(HttpStatus.UNAUTHORIZED))
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
  }
}
