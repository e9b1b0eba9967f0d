package org.roster.web.fake;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roster.application.port.in.AdminAccessUseCase;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;

/** Three admins, one per role; the password of each is its login + "-secret". */
public class InMemoryAdmins implements AdminAccessUseCase {
  public static final String SYS = "sys";
  public static final String SYNC = "sync";
  public static final String PEOPLE = "people";

  private final Map<String, AdminAccount> accounts =
      Map.of(
          SYS, new AdminAccount(SYS, "plain$sys-secret", Set.of(AdminRole.SYSADMIN)),
          SYNC, new AdminAccount(SYNC, "plain$sync-secret", Set.of(AdminRole.SYNC_ADMIN)),
          PEOPLE, new AdminAccount(PEOPLE, "plain$people-secret", Set.of(AdminRole.PEOPLE_ADMIN)));

  public static String passwordOf(String login) {
    return login + "-secret";
  }

  @Override
  public Optional<AdminAccount> authenticate(String login, String password) {
    return Optional.ofNullable(accounts.get(login))
        .filter(a -> a.passwordHash().equals("plain$" + password));
  }

  @Override
  public Optional<String> ensureBootstrapAdmin(Optional<String> configuredPassword) {
    return Optional.empty();
  }
}
