package org.roster.web.ref;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;
import org.roster.domain.identity.Group;

/** A group named in another resource (a user's groups, a group's parents). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GroupRef(UUID id, String name) {
  public static GroupRef from(Group group) {
    return new GroupRef(group.id(), group.name());
  }
}
