package org.roster.web.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the use cases and the domain throw to an HTTP status: unknown object 404, conflict 409,
 * forbidden 403,
 * invalid request or argument (a domain constructor's check) 400, anything else 500 with a log
 * line. Micronaut's own, more specific handlers keep their statuses; every body is made by {@link
 * ProblemResponseProcessor}.
 */
@Singleton
public class ApiExceptionHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final ErrorResponseProcessor<?> problems;

  public ApiExceptionHandler(ErrorResponseProcessor<?> problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, Exception exception) {
    HttpStatus status = statusOf(exception);
    if (exception instanceof org.roster.connector.api.ConnectorException) {
      LOG.warn("{} {}: directory error: {}", request.getMethod(), request.getPath(), exception.getMessage());
    } else if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
      LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), exception);
    }
    ErrorContext.Builder context = ErrorContext.builder(request).cause(exception);
    if (exception.getMessage() != null) {
      context.errorMessage(exception.getMessage());
    }
    return problems.processResponse(context.build(), HttpResponse.status(status));
  }

  private static HttpStatus statusOf(Exception exception) {
    if (exception instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (exception instanceof ConflictException) {
      return HttpStatus.CONFLICT;
    }
    if (exception instanceof org.roster.application.port.in.ForbiddenException) {
      return HttpStatus.FORBIDDEN;
    }
    if (exception instanceof InvalidRequestException
        || exception instanceof IllegalArgumentException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (exception instanceof org.roster.connector.api.SourceUnavailableException) {
      return HttpStatus.SERVICE_UNAVAILABLE; // the directory cannot be reached: retry later
    }
    if (exception instanceof org.roster.connector.api.ConnectorException) {
      return HttpStatus.BAD_GATEWAY; // the directory answered, but not as it should
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
