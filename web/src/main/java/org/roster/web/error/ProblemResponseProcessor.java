package org.roster.web.error;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.roster.application.port.in.InvalidRequestException;

/**
 * The one place error responses get their body: every error response of the server, whether
 * Micronaut's own handlers (bad JSON, wrong parameter type, unknown route, oversized body) or
 * Roster's ({@link ApiExceptionHandler}, the security handler) made it, becomes an RFC 9457 problem
 * naming the request field at fault when it is known. Server errors never show their cause.
 */
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {
  public static final String SERVER_ERROR_DETAIL =
      "An unexpected error occurred; it has been logged on the server.";

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return (MutableHttpResponse<Problem>) response;
    }
    HttpStatus status = response.status();
    Throwable root = context.getRootCause().orElse(null);
    Explanation explanation =
        root instanceof org.roster.connector.api.ConnectorException directory
            ? new Explanation(directory.getMessage(), null) // the directory's answer, for the admin
            : status.getCode() >= 500
                ? new Explanation(SERVER_ERROR_DETAIL, null)
                : explain(context, status);
    Problem problem =
        new Problem(
            "about:blank",
            status.getReason(),
            status.getCode(),
            explanation.detail() == null ? status.getReason() : explanation.detail(),
            context.getRequest().getPath(),
            explanation.field());
    return response.body(problem).contentType(Problem.MEDIA_TYPE);
  }

  private static Explanation explain(ErrorContext context, HttpStatus status) {
    Throwable cause = context.getRootCause().orElse(null);
    if (cause instanceof InvalidRequestException invalid) {
      return new Explanation(invalid.getMessage(), invalid.field());
    }
    if (cause instanceof IllegalArgumentException illegal) {
      return new Explanation(
          illegal.getMessage(), FieldNames.leadingIn(illegal.getMessage()).orElse(null));
    }
    if (cause instanceof ConversionErrorException conversion) {
      return isBody(conversion.getArgument())
          ? JsonErrors.explain(conversion)
          : new Explanation(message(context, status), conversion.getArgument().getName());
    }
    if (cause instanceof UnsatisfiedRouteException unsatisfied) {
      return isBody(unsatisfied.getArgument())
          ? new Explanation("A JSON request body is required", null)
          : new Explanation(message(context, status), unsatisfied.getArgument().getName());
    }
    if (cause instanceof JsonSyntaxException syntax) {
      return new Explanation(
          "The request body is not valid JSON: "
              + JsonErrors.plain(
                  syntax.getCause() == null ? syntax.getMessage() : syntax.getCause().getMessage()),
          null);
    }
    return new Explanation(message(context, status), null);
  }

  private static boolean isBody(Argument<?> argument) {
    return argument.isAnnotationPresent(Body.class);
  }

  /** The first message the handler gave, else the cause's, else the status's reason. */
  private static String message(ErrorContext context, HttpStatus status) {
    return context.getErrors().stream()
        .map(Error::getMessage)
        .filter(m -> m != null && !m.isBlank())
        .findFirst()
        .or(() -> context.getRootCause().map(Throwable::getMessage))
        .orElse(status.getReason());
  }
}
