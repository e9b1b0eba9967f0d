package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;

/** {@link AdminAccountStore} on {@code admin_account}; roles as comma-separated names. */
@Singleton
public class JdbcAdminAccountStore implements AdminAccountStore {
  private static final String SELECT = "SELECT login, password_hash, roles FROM admin_account";

  private final Jdbc jdbc;

  JdbcAdminAccountStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<AdminAccount> find(String login) {
    return jdbc.joined(
        c -> Sql.one(c, SELECT + " WHERE login = ?", JdbcAdminAccountStore::account, login));
  }

  @Override
  public void save(AdminAccount a) {
    String roles = roleNames(a.roles());
    jdbc.joinedRun(
        c -> {
          int updated =
              Sql.update(
                  c,
                  "UPDATE admin_account SET password_hash = ?, roles = ? WHERE login = ?",
                  a.passwordHash(),
                  roles,
                  a.login());
          if (updated == 0) {
            Sql.update(
                c,
                "INSERT INTO admin_account (login, password_hash, roles) VALUES (?, ?, ?)",
                a.login(),
                a.passwordHash(),
                roles);
          }
        });
  }

  @Override
  public List<AdminAccount> list() {
    return jdbc.joined(
        c -> Sql.list(c, SELECT + " ORDER BY login", JdbcAdminAccountStore::account));
  }

  @Override
  public List<AdminAccount> lockAll() {
    return jdbc.joined(
        c -> Sql.list(c, SELECT + " ORDER BY login FOR UPDATE", JdbcAdminAccountStore::account));
  }

  @Override
  public boolean delete(String login) {
    return jdbc.joined(c -> Sql.update(c, "DELETE FROM admin_account WHERE login = ?", login)) > 0;
  }

  static String roleNames(Set<AdminRole> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  static Set<AdminRole> roles(String names) {
    return names.isEmpty()
        ? Set.of()
        : Arrays.stream(names.split(",")).map(AdminRole::valueOf).collect(Collectors.toSet());
  }

  private static AdminAccount account(ResultSet rs) throws SQLException {
    return new AdminAccount(
        rs.getString("login"), rs.getString("password_hash"), roles(rs.getString("roles")));
  }
}
