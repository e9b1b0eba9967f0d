package org.roster.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.roster.application.port.in.AdminAccessUseCase;
import org.roster.application.port.in.AdminLogin;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.application.port.out.AuditStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin authentication. Password hashes are deliberately slow, and HTTP Basic sends the password
 * with every request, so a verified password is remembered for a few minutes as a salted digest
 * (never the password itself). Failed logins go through the {@link LoginThrottle}: a locked-out
 * login is refused before any lookup or hashing.
 */
public final class AdminAccessService implements AdminAccessUseCase {
  public static final String BOOTSTRAP_LOGIN = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(AdminAccessService.class);
  private static final Duration REMEMBER = Duration.ofMinutes(5);

  private final AdminAccountStore accounts;
  private final AuditStore audit;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final byte[] pepper = PasswordHasher.generate().getBytes(StandardCharsets.UTF_8);
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
  /** Checked against for unknown logins, so they cost what a wrong password costs; made once. */
  private volatile String decoyHash;

  private record Remembered(byte[] digest, String hash, Instant until) {}

  public AdminAccessService(AdminAccountStore accounts, AuditStore audit, PasswordHasher hasher,
      LoginThrottle throttle, Clock clock) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.audit = audit;
    this.hasher = hasher;
    this.clock = clock;
  }

  @Override
  public AdminLogin authenticate(String login, String password) {
    if (login == null || password == null) {
      return new AdminLogin.Refused();
    }
    Optional<Duration> locked = throttle.refusal(LoginThrottle.Kind.ADMIN, login);
    if (locked.isPresent()) {
      return new AdminLogin.Throttled(locked.get());
    }
    Optional<AdminAccount> account = check(login, password);
    if (account.isEmpty()) {
      throttle.failed(LoginThrottle.Kind.ADMIN, login);
      return new AdminLogin.Refused();
    }
    throttle.succeeded(LoginThrottle.Kind.ADMIN, login);
    return new AdminLogin.Accepted(account.get());
  }

  private Optional<AdminAccount> check(String login, String password) {
    Optional<AdminAccount> account = accounts.find(login);
    if (account.isEmpty()) {
      if (decoyHash == null) {
        decoyHash = hasher.hash(PasswordHasher.generate());
      }
      hasher.matches(password, decoyHash); // the same cost as a wrong password
      return Optional.empty();
    }
    AdminAccount a = account.get();
    byte[] digest = digest(login, password);
    Remembered r = verified.get(login);
    Instant now = clock.instant();
    if (r != null && r.until().isAfter(now) && r.hash().equals(a.passwordHash())
        && MessageDigest.isEqual(r.digest(), digest)) {
      return account;
    }
    if (!hasher.matches(password, a.passwordHash())) {
      return Optional.empty();
    }
    verified.put(login, new Remembered(digest, a.passwordHash(), now.plus(REMEMBER)));
    return account;
  }

  @Override
  public Optional<String> ensureBootstrapAdmin(Optional<String> configuredPassword) {
    Optional<AdminAccount> existing = accounts.find(BOOTSTRAP_LOGIN);
    if (configuredPassword.isPresent()) {
      String pw = configuredPassword.get();
      if (pw.length() < AdminAccountService.MIN_PASSWORD) {
        LOG.warn("The configured admin password is shorter than {} characters; choose a longer one",
            AdminAccountService.MIN_PASSWORD);
      }
      boolean sysadmin = existing.map(a -> a.roles().contains(AdminRole.SYSADMIN)).orElse(false);
      if (existing.isEmpty() || !sysadmin || !hasher.matches(pw, existing.get().passwordHash())) {
        accounts.save(new AdminAccount(BOOTSTRAP_LOGIN, hasher.hash(pw), Set.of(AdminRole.SYSADMIN)));
        throttle.succeeded(LoginThrottle.Kind.ADMIN, BOOTSTRAP_LOGIN);
        record(existing.isEmpty() ? "admin created" : "admin password set from the environment");
      }
      return Optional.empty();
    }
    if (!accounts.list().isEmpty()) {
      return Optional.empty();
    }
    String generated = PasswordHasher.generate();
    accounts.save(new AdminAccount(BOOTSTRAP_LOGIN, hasher.hash(generated), Set.of(AdminRole.SYSADMIN)));
    record("admin created with a generated password");
    return Optional.of(generated);
  }

  private byte[] digest(String login, String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(pepper);
      md.update(login.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      return md.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void record(String action) {
    audit.appendNow(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(), null, "system",
        AuditCategory.SECURITY, action, null, BOOTSTRAP_LOGIN, Map.of(), Map.of(), "")));
  }
}
