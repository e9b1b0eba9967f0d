package org.roster.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.roster.application.port.in.LoginThrottledException;
import org.roster.application.port.out.AuditStore;
import org.roster.domain.Require;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;

/**
 * Refuses a login for a while after too many failed attempts in a row, before its password is
 * checked: after {@code maxFailures} failures the login is locked for {@code firstLockout}, and
 * each further failure doubles the lock, up to {@code maxLockout}. A success forgets the failures,
 * and so does a quiet {@code forgetAfter}. Unknown logins are counted like known ones, so the
 * answers never tell which exist. Logins are compared case-insensitively.
 *
 * <p>Kept in memory, per node. Each lockout is one SECURITY audit event, and so is the first
 * refusal during it; the number of further refusals goes into the next lockout's event, so a
 * flood of requests costs no audit rows. Thread-safe.
 */
public final class LoginThrottle {
  private final Settings settings;
  private final AuditStore audit;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * The throttle's numbers.
   *
   * @param maxFailures failures in a row before the first lockout
   * @param firstLockout the first lockout; each further failure doubles it
   * @param maxLockout the longest lockout
   * @param forgetAfter failures older than this (with none since) are forgotten
   * @param maxTracked how many logins with failures are remembered at most
   */
  public record Settings(
      int maxFailures, Duration firstLockout, Duration maxLockout, Duration forgetAfter,
      int maxTracked) {
    public Settings {
      if (maxFailures < 1) {
        throw new IllegalArgumentException("'maxFailures' must be at least 1");
      }
      positive(firstLockout, "firstLockout");
      positive(maxLockout, "maxLockout");
      positive(forgetAfter, "forgetAfter");
      if (maxLockout.compareTo(firstLockout) < 0) {
        throw new IllegalArgumentException("'maxLockout' must not be shorter than 'firstLockout'");
      }
      if (maxTracked < 1) {
        throw new IllegalArgumentException("'maxTracked' must be at least 1");
      }
    }

    /** 5 failures, then 30 s, 1 min, 2 min, ... up to 15 min; forgotten after an hour. */
    public static Settings defaults() {
      return new Settings(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1),
          100_000);
    }

    private static void positive(Duration d, String field) {
      Require.notNull(d, field);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("'" + field + "' must be positive");
      }
    }
  }

  /** Whose login it is: Roster's admins and the applications' users are counted apart. */
  public enum Kind {
    ADMIN("admin"),
    USER("user");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }
  }

  private static final class Entry {
    int failures;
    Instant lastFailure;
    Instant lockedUntil;
    int refusals;
  }

  public LoginThrottle(Settings settings, AuditStore audit, Clock clock) {
    this.settings = Require.notNull(settings, "settings");
    this.audit = audit;
    this.clock = clock;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * How long {@code login} stays locked out; empty when it may be checked now. A locked-out login
   * counts a refusal (the first of each lockout is audited).
   */
  public Optional<Duration> refusal(Kind kind, String login) {
    Instant now = clock.instant();
    Entry e = entries.get(key(kind, login));
    if (e == null) {
      return Optional.empty();
    }
    Duration left;
    boolean first;
    synchronized (e) {
      if (e.lockedUntil == null || !now.isBefore(e.lockedUntil)) {
        return Optional.empty();
      }
      left = Duration.between(now, e.lockedUntil);
      first = e.refusals++ == 0;
    }
    if (first) {
      record(kind, login, "login refused while locked out",
          "refused without checking the password; locked out for another "
              + new LoginThrottledException(login, left).retryAfter().getSeconds() + " s");
    }
    return Optional.of(left);
  }

  /** Like {@link #refusal}, but throws when the login is locked out. */
  public void check(Kind kind, String login) {
    Optional<Duration> left = refusal(kind, login);
    if (left.isPresent()) {
      throw new LoginThrottledException(login, left.get());
    }
  }

  /** Counts a failed attempt; the one that reaches the limit locks the login out. */
  public void failed(Kind kind, String login) {
    Instant now = clock.instant();
    String key = key(kind, login);
    if (!entries.containsKey(key) && entries.size() >= settings.maxTracked()) {
      evict(now);
    }
    Entry e = entries.computeIfAbsent(key, k -> new Entry());
    Duration lock;
    int failures;
    int refused;
    synchronized (e) {
      if (e.lastFailure != null && !now.isBefore(e.lastFailure.plus(settings.forgetAfter()))) {
        e.failures = 0;
      }
      e.failures++;
      e.lastFailure = now;
      if (e.failures < settings.maxFailures()) {
        return;
      }
      lock = lockout(e.failures);
      e.lockedUntil = now.plus(lock);
      failures = e.failures;
      refused = e.refusals;
      e.refusals = 0;
    }
    record(kind, login, "login locked out",
        failures + " failed attempts in a row; refused for " + lock.getSeconds()
            + " s" + (refused > 0 ? "; " + refused + " attempts were refused during the last lockout" : ""));
  }

  /** A success: the login's failures are forgotten. */
  public void succeeded(Kind kind, String login) {
    entries.remove(key(kind, login));
  }

  /** How many logins with failures are remembered. */
  int tracked() {
    return entries.size();
  }

  /** The lock after {@code failures} failures in a row. */
  Duration lockout(int failures) {
    int doublings = Math.min(failures - settings.maxFailures(), 30);
    Duration lock = settings.firstLockout().multipliedBy(1L << doublings);
    return lock.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lock;
  }

  /** Forgets stale logins first, then the unlocked ones whose last failure is oldest. */
  private void evict(Instant now) {
    entries.entrySet().removeIf(en -> {
      Entry e = en.getValue();
      synchronized (e) {
        return e.lastFailure != null
            && !now.isBefore(e.lastFailure.plus(settings.forgetAfter()))
            && (e.lockedUntil == null || !now.isBefore(e.lockedUntil));
      }
    });
    int excess = entries.size() - settings.maxTracked() + 1;
    if (excess <= 0) {
      return;
    }
    List<String> oldest = entries.entrySet().stream()
        .filter(en -> en.getValue().lockedUntil == null || !now.isBefore(en.getValue().lockedUntil))
        .sorted(Comparator.comparing(en -> en.getValue().lastFailure,
            Comparator.nullsLast(Comparator.naturalOrder())))
        .limit(excess)
        .map(Map.Entry::getKey)
        .toList();
    oldest.forEach(entries::remove);
  }

  private static String key(Kind kind, String login) {
    return kind.name() + ":" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
  }

  private void record(Kind kind, String login, String action, String detail) {
    audit.appendNow(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(), null, "system",
        AuditCategory.SECURITY, action, null, login, Map.of(), Map.of(), kind.noun + " login: " + detail)));
  }
}
