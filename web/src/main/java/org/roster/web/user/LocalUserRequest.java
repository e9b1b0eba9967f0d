package org.roster.web.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.roster.application.port.in.CreateLocalUserCommand;
import org.roster.web.json.StrictString;
import org.roster.web.json.StrictStringMap;

/**
 * A local user to create: its login, first password and profile fields ({@code email}, {@code
 * displayName}, ...). {@code toString} never prints the password.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record LocalUserRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String login,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String password,
    @Nullable @Serdeable.Deserializable(using = StrictStringMap.class)
        Map<String, String> attributes) {

  CreateLocalUserCommand toCommand() {
    return new CreateLocalUserCommand(login, password, attributes);
  }

  @Override
  public String toString() {
    return "LocalUserRequest[login=" + login + ", password=***, attributes=" + attributes + "]";
  }
}
