package org.roster.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.roster.application.port.in.AdminAccessUseCase;
import org.roster.application.port.in.AdminLogin;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.CreateAdminCommand;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.LoginThrottledException;
import org.roster.application.port.in.ManageAdminsUseCase;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.UpdateAdminCommand;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.application.port.out.ApiTokenStore;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.Transactions;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;

/** Creates, changes and deletes admin accounts under the rules of {@link ManageAdminsUseCase}. */
public final class AdminAccountService implements ManageAdminsUseCase {
  /** The shortest password accepted for an admin. */
  public static final int MIN_PASSWORD = 12;
  private static final int MAX_PASSWORD = 1024;
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  /** {@code /api/v1/admins/me} is the caller's own account, so no admin may be called that. */
  private static final String RESERVED = "me";

  private final Transactions tx;
  private final AdminAccountStore accounts;
  private final ApiTokenStore tokens;
  private final AuditStore audit;
  private final AdminAccessUseCase access;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Clock clock;

  public AdminAccountService(Transactions tx, AdminAccountStore accounts, ApiTokenStore tokens,
      AuditStore audit, AdminAccessUseCase access, PasswordHasher hasher, LoginThrottle throttle,
      Clock clock) {
    this.tx = tx;
    this.accounts = accounts;
    this.tokens = tokens;
    this.audit = audit;
    this.access = access;
    this.hasher = hasher;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public Page<AdminAccount> list(PageRequest page) {
    List<AdminAccount> all = accounts.list();
    int from = (int) Math.min(page.offset(), all.size());
    int to = Math.min(from + page.size(), all.size());
    return new Page<>(all.subList(from, to), all.size(), page.page(), page.size());
  }

  @Override
  public AdminAccount get(String login) {
    return accounts.find(login).orElseThrow(() -> new NotFoundException("admin", login));
  }

  @Override
  public AdminAccount create(CreateAdminCommand c, String actorLogin) {
    String login = c.login();
    if (login == null || !LOGIN.matcher(login).matches()) {
      throw new InvalidRequestException("login",
          "'login' must be 1 to 64 letters, digits or . _ @ - characters");
    }
    if (login.equalsIgnoreCase(RESERVED)) {
      throw new InvalidRequestException("login", "'login' must not be '" + RESERVED + "' (reserved)");
    }
    checkPassword(c.password(), login, "password");
    Set<AdminRole> roles = checkRoles(c.roles());
    String hash = hasher.hash(c.password());
    return tx.inTransaction(t -> {
      String key = login.toLowerCase(Locale.ROOT);
      accounts.lockAll().stream()
          .filter(a -> a.login().toLowerCase(Locale.ROOT).equals(key))
          .findFirst()
          .ifPresent(a -> {
            throw new ConflictException("an admin '" + a.login() + "' already exists");
          });
      AdminAccount created = new AdminAccount(login, hash, roles);
      accounts.save(created);
      throttle.succeeded(LoginThrottle.Kind.ADMIN, login);
      record(actorLogin, "admin created", login, Map.of(), Map.of("roles", names(roles)), "");
      return created;
    });
  }

  @Override
  public AdminAccount update(String login, UpdateAdminCommand c, String actorLogin) {
    if (c.roles() == null && c.password() == null) {
      throw new InvalidRequestException(null, "Give 'roles', 'password' or both");
    }
    Set<AdminRole> roles = c.roles() == null ? null : checkRoles(c.roles());
    if (c.password() != null) {
      checkPassword(c.password(), login, "password");
    }
    String hash = c.password() == null ? null : hasher.hash(c.password());
    return tx.inTransaction(t -> {
      List<AdminAccount> all = accounts.lockAll();
      AdminAccount old = find(all, login);
      Set<AdminRole> newRoles = roles == null ? old.roles() : roles;
      if (!newRoles.contains(AdminRole.SYSADMIN) && lastSysadmin(all, old)) {
        throw new ConflictException("'" + login + "' is the last SYSADMIN; make another admin"
            + " SYSADMIN first");
      }
      AdminAccount changed = new AdminAccount(old.login(),
          hash == null ? old.passwordHash() : hash, newRoles);
      accounts.save(changed);
      if (!newRoles.equals(old.roles())) {
        record(actorLogin, "admin roles changed", login, Map.of("roles", names(old.roles())),
            Map.of("roles", names(newRoles)), "");
      }
      if (hash != null) {
        throttle.succeeded(LoginThrottle.Kind.ADMIN, login);
        record(actorLogin, "admin password set", login, Map.of(), Map.of(), "");
      }
      return changed;
    });
  }

  @Override
  public void delete(String login, String actorLogin) {
    tx.inTransaction(t -> {
      List<AdminAccount> all = accounts.lockAll();
      AdminAccount old = find(all, login);
      if (old.login().equals(actorLogin)) {
        throw new ConflictException("You cannot delete your own account");
      }
      if (lastSysadmin(all, old)) {
        throw new ConflictException("'" + login + "' is the last SYSADMIN and cannot be deleted");
      }
      accounts.delete(login);
      int revoked = tokens.deleteByOwner(login);
      record(actorLogin, "admin deleted", login, Map.of("roles", names(old.roles())), Map.of(),
          revoked == 0 ? "" : revoked + " API token(s) revoked with it");
      return null;
    });
  }

  @Override
  public void changeOwnPassword(String login, String currentPassword, String newPassword) {
    if (currentPassword == null) {
      throw new InvalidRequestException("current", "'current' is required");
    }
    AdminLogin check = access.authenticate(login, currentPassword);
    if (check instanceof AdminLogin.Throttled throttled) {
      throw new LoginThrottledException(login, throttled.retryAfter());
    }
    if (check instanceof AdminLogin.Refused) {
      throw new InvalidRequestException("current", "'current' is not your current password");
    }
    checkPassword(newPassword, login, "new");
    if (newPassword.equals(currentPassword)) {
      throw new InvalidRequestException("new", "'new' must differ from the current password");
    }
    String hash = hasher.hash(newPassword);
    tx.inTransaction(t -> {
      AdminAccount old = accounts.find(login).orElseThrow(() -> new NotFoundException("admin", login));
      accounts.save(new AdminAccount(old.login(), hash, old.roles()));
      record(login, "own password changed", login, Map.of(), Map.of(), "");
      return null;
    });
  }

  private static AdminAccount find(List<AdminAccount> all, String login) {
    return all.stream().filter(a -> a.login().equals(login)).findFirst()
        .orElseThrow(() -> new NotFoundException("admin", login));
  }

  private static boolean lastSysadmin(List<AdminAccount> all, AdminAccount target) {
    return target.roles().contains(AdminRole.SYSADMIN)
        && all.stream().noneMatch(a -> !a.login().equals(target.login())
            && a.roles().contains(AdminRole.SYSADMIN));
  }

  private static void checkPassword(String password, String login, String field) {
    if (password == null) {
      throw new InvalidRequestException(field, "'" + field + "' is required");
    }
    if (password.length() < MIN_PASSWORD) {
      throw new InvalidRequestException(field,
          "'" + field + "' must be at least " + MIN_PASSWORD + " characters long");
    }
    if (password.length() > MAX_PASSWORD) {
      throw new InvalidRequestException(field,
          "'" + field + "' must be at most " + MAX_PASSWORD + " characters long");
    }
    if (password.equalsIgnoreCase(login)) {
      throw new InvalidRequestException(field, "'" + field + "' must not be the login");
    }
  }

  private static Set<AdminRole> checkRoles(Set<AdminRole> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidRequestException("roles", "'roles' must name at least one role");
    }
    return roles;
  }

  static String names(Set<AdminRole> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private void record(String actorLogin, String action, String login, Map<String, String> before,
      Map<String, String> after, String detail) {
    audit.appendAll(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(), null,
        "admin:" + actorLogin, AuditCategory.SECURITY, action, null, login, before, after, detail)));
  }
}
