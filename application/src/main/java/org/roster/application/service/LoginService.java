package org.roster.application.service;

import java.time.Clock;
import org.roster.application.port.in.LoginResult;
import org.roster.application.port.in.VerifyLoginUseCase;
import org.roster.application.port.out.CredentialStore;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.UserStore;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.PasswordVerifier;
import org.roster.connector.api.Secret;
import org.roster.connector.api.SourceContext;
import org.roster.domain.identity.User;
import org.roster.domain.sync.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a user's login: a synced user against the user's own directory (Roster keeps no
 * directory password), a local user against the hash of its local password.
 */
public final class LoginService implements VerifyLoginUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

  private final UserStore users;
  private final ProfileStore profiles;
  private final ConnectorRegistry connectors;
  private final CredentialStore credentials;
  private final PasswordHasher hasher;
  private final Clock clock;

  public LoginService(UserStore users, ProfileStore profiles, ConnectorRegistry connectors,
      CredentialStore credentials, PasswordHasher hasher, Clock clock) {
    this.users = users;
    this.profiles = profiles;
    this.connectors = connectors;
    this.credentials = credentials;
    this.hasher = hasher;
    this.clock = clock;
  }

  @Override
  public LoginResult verify(String login, String password) {
    if (login == null || login.isBlank() || password == null || password.isEmpty()) {
      return LoginResult.refused(null, "login and password are required");
    }
    User user = users.findByLogin(login).orElse(null);
    if (user == null) {
      return LoginResult.refused(null, "unknown user or wrong password");
    }
    if (!user.status().canLogin()) {
      return LoginResult.refused(user.id(), "user is " + user.status());
    }
    if (!user.synced()) {
      String hash = credentials.passwordHash(user.id()).orElse(null);
      if (hash == null) {
        return LoginResult.refused(user.id(), "this local user has no password; an admin sets one");
      }
      return hasher.matches(password, hash) ? LoginResult.accepted(user.id())
          : LoginResult.refused(user.id(), "unknown user or wrong password");
    }
    Profile p = profiles.find(user.profileId()).orElse(null);
    if (p == null) {
      return LoginResult.refused(user.id(), "the user's profile no longer exists");
    }
    ConnectorFactory f = connectors.get(p.type());
    try (DirectorySource s = f.open(connectors.settingsOf(p),
        new SourceContext(p.id().toString(), clock))) {
      if (!(s instanceof PasswordVerifier verifier)) {
        return LoginResult.refused(user.id(), "the user's directory (profile '" + p.name() + "', type "
            + p.type() + ") does not let Roster check passwords: the user signs in with single sign-on");
      }
      PasswordVerifier.Verdict v = verifier.verifyPassword(user.externalId(), user.location(), user.login(),
          new Secret(password));
      LOG.debug("login of {} via profile '{}': {}", user.login(), p.name(), v);
      return switch (v) {
        case ACCEPTED -> LoginResult.accepted(user.id());
        case REJECTED -> LoginResult.refused(user.id(), "unknown user or wrong password");
        case NOT_FOUND -> LoginResult.refused(user.id(), "the user is no longer in the directory");
      };
    }
  }
}
