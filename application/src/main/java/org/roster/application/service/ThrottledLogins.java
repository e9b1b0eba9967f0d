package org.roster.application.service;

import org.roster.application.port.in.LoginResult;
import org.roster.application.port.in.VerifyLoginUseCase;

/**
 * The users' login check behind the {@link LoginThrottle}: a login that failed too often in a row
 * is refused before its directory is asked, so a client guessing passwords cannot drive binds
 * into Active Directory until the directory's own lockout policy locks the user out there. Every
 * refusal counts as a failure (unknown user, wrong password, and also a user refused for its state,
 * which no password changes); an accepted login forgets them; an unreachable directory (an
 * exception) counts as neither.
 */
public final class ThrottledLogins implements VerifyLoginUseCase {
  private final VerifyLoginUseCase logins;
  private final LoginThrottle throttle;

  public ThrottledLogins(VerifyLoginUseCase logins, LoginThrottle throttle) {
    this.logins = logins;
    this.throttle = throttle;
  }

  /**
   * @throws org.roster.application.port.in.LoginThrottledException when the login is locked out
   */
  @Override
  public LoginResult verify(String login, String password) {
    if (login == null || login.isBlank()) {
      return logins.verify(login, password);
    }
    throttle.check(LoginThrottle.Kind.USER, login);
    LoginResult result = logins.verify(login, password);
    if (result.accepted()) {
      throttle.succeeded(LoginThrottle.Kind.USER, login);
    } else {
      throttle.failed(LoginThrottle.Kind.USER, login);
    }
    return result;
  }
}
