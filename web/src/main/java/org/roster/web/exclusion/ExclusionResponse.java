package org.roster.web.exclusion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.roster.application.port.in.ExcludedObject;

/**
 * An object a sync never overwrites: its type and id, its name (null once the object is gone),
 * and who excluded it when (null for exclusions older than that record).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExclusionResponse(
    String objectType, UUID objectId, String name, Instant createdAt, String createdBy) {

  public static ExclusionResponse from(ExcludedObject x) {
    return new ExclusionResponse(
        x.exclusion().objectType(),
        x.exclusion().objectId(),
        x.name(),
        x.exclusion().createdAt(),
        x.exclusion().createdBy());
  }

  String path() {
    return ExclusionController.PATH + "/" + objectType.toLowerCase(java.util.Locale.ROOT) + "/"
        + objectId;
  }
}
