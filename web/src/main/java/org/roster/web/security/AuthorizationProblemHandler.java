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
 * Answers a refused request: 401 with a challenge when no valid credentials came (a Bearer
 * challenge with {@code error="invalid_token"} when an API token was refused, RFC 6750; a Basic
 * one otherwise), 403 when the admin's role does not cover the endpoint. Never redirects: this is
 * an API.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler
    implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
  static final String CHALLENGE = "Basic realm=\"Roster\", charset=\"UTF-8\"";
  static final String TOKEN_CHALLENGE = "Bearer realm=\"Roster\", error=\"invalid_token\"";

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
    boolean tokenRefused = request.getAttribute(Authenticated.REFUSED, String.class)
        .filter(Authenticated.TOKEN::equals).isPresent();
    return problems
        .processResponse(
            ErrorContext.builder(request)
                .cause(exception)
                .errorMessage(tokenRefused
                    ? "The API token is unknown, expired or revoked"
                    : "Credentials of a Roster admin are required (HTTP Basic or an API token)")
                .build(),
            HttpResponse.status(HttpStatus.UNAUTHORIZED))
        .header(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? TOKEN_CHALLENGE : CHALLENGE);
  }
}
