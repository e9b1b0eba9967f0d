package org.roster.web.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
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
 * {@code Authorization: Bearer <token>} against the admins' API tokens; the request gets the
 * token's roles. Its own fetcher rather than micronaut-security's token fetcher with a validator:
 * that one publishes every valid token as an application event, which Micronaut logs, token and
 * all, at DEBUG. Here a token never reaches a log: a refused one is logged by its hint only.
 */
@Singleton
public class ApiTokenFetcher implements AuthenticationFetcher<HttpRequest<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTokenFetcher.class);
  private static final String PREFIX = "bearer ";
  private static final int SHOWN = 8;

  private final ApiTokensUseCase tokens;
  private final Scheduler blocking;

  ApiTokenFetcher(ApiTokensUseCase tokens,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.tokens = tokens;
    this.blocking = Schedulers.fromExecutorService(blocking);
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() <= PREFIX.length()
        || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Mono.empty();
    }
    String token = header.substring(PREFIX.length()).strip();
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
