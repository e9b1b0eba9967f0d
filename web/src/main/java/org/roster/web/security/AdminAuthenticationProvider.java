package org.roster.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.roster.application.port.in.AdminAccessUseCase;
import org.roster.domain.identity.AdminAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks HTTP Basic credentials against Roster's local admin accounts. Runs on the blocking
 * executor: the check reads the store and hashes the password.
 */
@Singleton
public class AdminAuthenticationProvider<B>
    implements HttpRequestExecutorAuthenticationProvider<B> {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuthenticationProvider.class);

  private final AdminAccessUseCase admins;

  public AdminAuthenticationProvider(AdminAccessUseCase admins) {
    this.admins = admins;
  }

  @Override
  public AuthenticationResponse authenticate(
      @Nullable HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
    String login = credentials.getIdentity();
    return admins
        .authenticate(login, credentials.getSecret())
        .map(AdminAuthenticationProvider::success)
        .orElseGet(
            () -> {
              LOG.info("Refused admin credentials for login '{}'", login);
              return AuthenticationResponse.failure(
                  AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
            });
  }

  private static AuthenticationResponse success(AdminAccount account) {
    return AuthenticationResponse.success(
        account.login(), account.roles().stream().map(Enum::name).sorted().toList());
  }
}
