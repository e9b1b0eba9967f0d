package org.roster.web.admin;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.roster.domain.identity.AdminAccount;
import org.roster.web.security.RoleNames;

/** An admin account as the API shows it: never its password or hash. */
@Serdeable
public record AdminResponse(String login, List<String> roles) {
  static AdminResponse from(AdminAccount a) {
    return new AdminResponse(a.login(), RoleNames.of(a.roles()));
  }
}
