package org.roster.web.login;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.web.json.StrictString;

/** A user's credentials to verify. {@code toString} never prints the password. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record LoginRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String login,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String password) {

  @Override
  public String toString() {
    return "LoginRequest[login=" + login + ", password=***]";
  }
}
