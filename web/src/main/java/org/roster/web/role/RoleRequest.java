package org.roster.web.role;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.SaveRoleCommand;
import org.roster.domain.role.RoleKind;
import org.roster.web.json.StrictString;
import org.roster.web.json.StrictUuid;

/**
 * A role as a client creates or replaces it: {@code kind} ORGANIZATIONAL or FUNCTIONAL (any case;
 * required to create, may be left out to replace), {@code parentId} the organizational parent
 * (left out or null: a root).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record RoleRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String name,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String kind,
    @Nullable @Serdeable.Deserializable(using = StrictUuid.class) UUID parentId) {

  SaveRoleCommand toCommand() {
    return new SaveRoleCommand(name, kindOf(kind, "kind"), parentId);
  }

  /** A role kind in any case; null for null or blank. */
  static RoleKind kindOf(String kind, String field) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return RoleKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          field,
          "'" + field + "' must be one of " + Arrays.toString(RoleKind.values()) + "; not '"
              + kind + "'");
    }
  }
}
