package org.roster.web.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.in.IssuedToken;
import org.roster.web.security.RoleNames;

/**
 * A token just made: {@link TokenResponse}'s fields and {@code token}, the secret to send as
 * {@code Authorization: Bearer <token>}. Shown this once; Roster cannot show it again.
 */
@Serdeable
public record IssuedTokenResponse(
    UUID id,
    String name,
    String owner,
    List<String> roles,
    String hint,
    Instant createdAt,
    @Nullable Instant expiresAt,
    String token) {

  static IssuedTokenResponse from(IssuedToken issued) {
    var t = issued.token();
    return new IssuedTokenResponse(t.id(), t.name(), t.owner(), RoleNames.of(t.roles()), t.hint(),
        t.createdAt(), t.expiresAt(), issued.secret());
  }

  @Override
  public String toString() {
    return "IssuedTokenResponse[id=" + id + ", name=" + name + ", token=***]";
  }
}
