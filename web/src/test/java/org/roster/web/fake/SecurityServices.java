package org.roster.web.fake;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.roster.application.fake.InMemoryApiTokens;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.fake.TestClock;
import org.roster.application.port.in.AdminAccessUseCase;
import org.roster.application.port.in.ApiTokensUseCase;
import org.roster.application.port.in.ManageAdminsUseCase;
import org.roster.application.port.in.VerifyLoginUseCase;
import org.roster.application.service.AdminAccessService;
import org.roster.application.service.AdminAccountService;
import org.roster.application.service.ApiTokenService;
import org.roster.application.service.LoginThrottle;
import org.roster.application.service.PasswordHasher;
import org.roster.application.service.ThrottledLogins;

/**
 * The real security services (admin logins, admin accounts, API tokens, the login throttle) over
 * in-memory stores of their own, with a clock the tests move: the API is tested with the rules it
 * serves. The users' login check is {@link FakeDirectory} behind the real throttle.
 */
@Factory
public class SecurityServices {

  /** The stores and clock behind the services. */
  public static final class Fixture {
    public final InMemoryStores stores = new InMemoryStores();
    public final InMemoryApiTokens tokens = new InMemoryApiTokens();
    public final TestClock clock = new TestClock();
    final PasswordHasher hasher = new PasswordHasher(1000);
    final LoginThrottle throttle =
        new LoginThrottle(LoginThrottle.Settings.defaults(), stores.audit, clock);

    Fixture() {
      reset();
    }

    /**
     * Back to the three admins of {@link InMemoryAdmins}, no tokens, no audit, and two hours
     * later, so every lockout is over and every failure forgotten.
     */
    public void reset() {
      stores.db.admins.clear();
      InMemoryAdmins.seed(stores.admins, hasher);
      tokens.clear();
      stores.db.audit.clear();
      stores.audit.committed.clear();
      clock.advance(Duration.ofHours(2));
    }
  }

  @Singleton
  Fixture fixture() {
    return new Fixture();
  }

  @Singleton
  AdminAccessService adminAccess(Fixture f) {
    return new AdminAccessService(f.stores.admins, f.stores.audit, f.hasher, f.throttle, f.clock);
  }

  @Singleton
  ManageAdminsUseCase manageAdmins(Fixture f, AdminAccessUseCase access) {
    return new AdminAccountService(f.stores.db, f.stores.admins, f.tokens, f.stores.audit, access,
        f.hasher, f.throttle, f.clock);
  }

  @Singleton
  ApiTokensUseCase apiTokens(Fixture f) {
    return new ApiTokenService(f.stores.db, f.tokens, f.stores.admins, f.stores.audit, f.clock);
  }

  @Singleton
  @Primary
  VerifyLoginUseCase throttledLogins(FakeDirectory directory, Fixture f) {
    return new ThrottledLogins(directory, f.throttle);
  }
}
