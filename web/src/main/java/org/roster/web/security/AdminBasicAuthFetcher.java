package org.roster.web.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.BasicAuthAuthenticationFetcher;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.roster.application.port.in.AdminAccessUseCase;
import org.roster.application.port.in.AdminLogin;
import org.roster.application.port.in.LoginThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * HTTP Basic against Roster's admin accounts, in place of micronaut-security's own fetcher: that
 * one turns every failure of an authentication provider into "not authenticated", so a login
 * locked out by the throttle could only be a 401. Here it is an error the server answers with 429
 * and Retry-After ({@link LoginThrottledHandler}). The check runs on the blocking executor: it
 * reads the store and hashes the password.
 */
@Singleton
@Replaces(BasicAuthAuthenticationFetcher.class)
public class AdminBasicAuthFetcher implements AuthenticationFetcher<HttpRequest<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBasicAuthFetcher.class);

  private final AdminAccessUseCase admins;
  private final Scheduler blocking;

  AdminBasicAuthFetcher(AdminAccessUseCase admins,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.admins = admins;
    this.blocking = Schedulers.fromExecutorService(blocking);
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    return BasicCredentials.of(request.getHeaders().get(HttpHeaders.AUTHORIZATION))
        .map(c -> Mono.fromCallable(() -> admins.authenticate(c.login(), c.password()))
            .subscribeOn(blocking)
            .flatMap(outcome -> answer(request, c.login(), outcome)))
        .orElse(Mono.empty());
  }

  private static Mono<Authentication> answer(HttpRequest<?> request, String login,
      AdminLogin outcome) {
    if (outcome instanceof AdminLogin.Accepted a) {
      return Mono.just(Authenticated.byPassword(a.account().login(), a.account().roles()));
    }
    if (outcome instanceof AdminLogin.Throttled t) {
      LOG.info("Refused admin login '{}' without checking it: locked out", login);
      return Mono.error(new LoginThrottledException(login, t.retryAfter()));
    }
    LOG.info("Refused admin credentials for login '{}'", login);
    Authenticated.refused(request, Authenticated.PASSWORD);
    return Mono.empty();
  }
}
