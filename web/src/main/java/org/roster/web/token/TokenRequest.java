package org.roster.web.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.IssueTokenCommand;
import org.roster.web.json.StrictString;
import org.roster.web.json.StrictStringList;
import org.roster.web.security.RoleNames;

/**
 * A request for an API token: a name, optionally some of the caller's roles (all of them when
 * left out) and an expiry (an ISO-8601 date-time with an offset; never when left out).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record TokenRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String name,
    @Nullable @Serdeable.Deserializable(using = StrictStringList.class) List<String> roles,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String expiresAt) {

  IssueTokenCommand toCommand() {
    return new IssueTokenCommand(name, RoleNames.parse(roles, "roles"), expiry());
  }

  private Instant expiry() {
    if (expiresAt == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(expiresAt).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("expiresAt", "'expiresAt' must be an ISO-8601 date-time"
          + " with an offset, such as 2027-01-31T00:00:00Z; not '" + expiresAt + "'");
    }
  }
}
