package org.roster.web.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roster.domain.identity.ApiToken;
import org.roster.web.security.RoleNames;

/**
 * An API token as lists show it: never its secret.
 *
 * @param hint the secret's first characters, to tell tokens apart
 * @param expiresAt null for never
 * @param lastUsedAt to the minute; null when never used
 */
@Serdeable
public record TokenResponse(
    UUID id,
    String name,
    String owner,
    List<String> roles,
    String hint,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt) {

  static TokenResponse from(ApiToken t) {
    return new TokenResponse(t.id(), t.name(), t.owner(), RoleNames.of(t.roles()), t.hint(),
        t.createdAt(), t.expiresAt(), t.lastUsedAt());
  }
}
