package org.roster.application.port.out;

import java.util.List;
import java.util.Optional;
import org.roster.domain.identity.AdminAccount;

/** Local admin accounts. Joins the caller's transaction. */
public interface AdminAccountStore {

  Optional<AdminAccount> find(String login);

  /** Inserts or updates by login. */
  void save(AdminAccount account);

  List<AdminAccount> list();
}
