package org.roster.web.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.web.json.StrictString;

/** A local user's new password. {@code toString} never prints it. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record PasswordRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String password) {

  @Override
  public String toString() {
    return "PasswordRequest[password=***]";
  }
}
