package org.roster.web.fake;

import java.util.Set;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.application.service.PasswordHasher;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;

/** Three admins, one per role; the password of each is its login + "-secret". */
public final class InMemoryAdmins {
  public static final String SYS = "sys";
  public static final String SYNC = "sync";
  public static final String PEOPLE = "people";

  private InMemoryAdmins() {}

  public static String passwordOf(String login) {
    return login + "-secret";
  }

  /** Saves the three admins (again: with their roles and passwords as above). */
  static void seed(AdminAccountStore store, PasswordHasher hasher) {
    store.save(account(SYS, AdminRole.SYSADMIN, hasher));
    store.save(account(SYNC, AdminRole.SYNC_ADMIN, hasher));
    store.save(account(PEOPLE, AdminRole.PEOPLE_ADMIN, hasher));
  }

  private static AdminAccount account(String login, AdminRole role, PasswordHasher hasher) {
    return new AdminAccount(login, hasher.hash(passwordOf(login)), Set.of(role));
  }
}
