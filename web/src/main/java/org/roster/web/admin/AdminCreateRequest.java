package org.roster.web.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.roster.application.port.in.CreateAdminCommand;
import org.roster.web.json.StrictString;
import org.roster.web.json.StrictStringList;
import org.roster.web.security.RoleNames;

/** A new admin account. {@code toString} never prints the password. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record AdminCreateRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String login,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String password,
    @Nullable @Serdeable.Deserializable(using = StrictStringList.class) List<String> roles) {

  CreateAdminCommand toCommand() {
    return new CreateAdminCommand(login, password, RoleNames.parse(roles, "roles"));
  }

  @Override
  public String toString() {
    return "AdminCreateRequest[login=" + login + ", password=***, roles=" + roles + "]";
  }
}
