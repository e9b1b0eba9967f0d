package org.roster.web.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;
import org.roster.application.port.in.LoginResult;

/** Whether the credentials are good, for which user, and why not. */
@Serdeable
public record LoginResponse(boolean accepted, @Nullable UUID userId, @Nullable String reason) {
  static LoginResponse from(LoginResult r) {
    return new LoginResponse(r.accepted(), r.userId(), r.reason());
  }
}
