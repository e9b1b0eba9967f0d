package org.roster.application.port.out;

import java.util.List;
import java.util.Optional;
import org.roster.domain.identity.AdminAccount;

/** Local admin accounts. Joins the caller's transaction. */
public interface AdminAccountStore {

  Optional<AdminAccount> find(String login);

  /** Inserts or updates by login. */
  void save(AdminAccount account);

  /** Every account, by login. */
  List<AdminAccount> list();

  /**
   * Every account, by login, each row locked until the caller's transaction ends: changes that
   * count the SYSADMINs (demote, delete) take this first, so two of them cannot both remove the
   * last one.
   */
  List<AdminAccount> lockAll();

  /** Removes the account; false when it did not exist. */
  boolean delete(String login);
}
