package org.roster.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.roster.application.port.in.ApiTokensUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Checks {@code Authorization: Bearer <token>} against the admins' API tokens: micronaut-security's
 * token fetcher reads the header (BearerTokenReader) and asks every {@link TokenValidator}. The
 * request gets the token's roles. A refused token is logged by its first characters only; the
 * secret never reaches a log.
 */
@Singleton
public class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTokenValidator.class);
  private static final int SHOWN = 8;

  private final ApiTokensUseCase tokens;
  private final Scheduler blocking;

  ApiTokenValidator(ApiTokensUseCase tokens,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.tokens = tokens;
    this.blocking = Schedulers.fromExecutorService(blocking);
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    return Mono.fromCallable(() -> tokens.authenticate(token))
        .subscribeOn(blocking)
        .flatMap(grant -> grant
            .map(g -> Mono.just(Authenticated.byToken(g.login(), g.roles(), g.tokenId())))
            .orElseGet(() -> {
              LOG.info("Refused an API token: {}", shown(token));
              Authenticated.refused(request, Authenticated.TOKEN);
              return Mono.empty();
            }));
  }

  /** A Roster token's hint ({@code rst_AbCd}); nothing of anything else (a pasted password). */
  private static String shown(String token) {
    return token.startsWith("rst_") && token.length() > SHOWN
        ? token.substring(0, SHOWN) + "..." : "(not a Roster token)";
  }
}
