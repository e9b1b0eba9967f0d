package org.roster.web.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;
import org.roster.application.port.in.DirectoryHit;

/** One search hit and what importing it would do: NEW, SYNCED or CONFLICT. */
@Serdeable
public record DirectoryHitResponse(
    String kind,
    String externalId,
    String name,
    String location,
    @Nullable String displayName,
    String status,
    @Nullable UUID rosterId,
    @Nullable String detail) {

  static DirectoryHitResponse from(DirectoryHit h) {
    return new DirectoryHitResponse(h.kind(), h.externalId(), h.name(), h.location(),
        h.displayName(), h.status().name(), h.rosterId(), h.detail());
  }
}
