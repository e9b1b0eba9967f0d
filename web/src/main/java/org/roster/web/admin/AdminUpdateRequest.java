package org.roster.web.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.roster.application.port.in.UpdateAdminCommand;
import org.roster.web.json.StrictString;
import org.roster.web.json.StrictStringList;
import org.roster.web.security.RoleNames;

/** A change of an admin account: new roles, a new password, or both. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record AdminUpdateRequest(
    @Nullable @Serdeable.Deserializable(using = StrictStringList.class) List<String> roles,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String password) {

  UpdateAdminCommand toCommand() {
    return new UpdateAdminCommand(RoleNames.parse(roles, "roles"), password);
  }

  @Override
  public String toString() {
    return "AdminUpdateRequest[roles=" + roles + ", password=" + (password == null ? null : "***")
        + "]";
  }
}
