package org.roster.web.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;

/** One audit event; see {@link AuditEvent} for each field. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEventResponse(
    UUID id,
    Instant at,
    UUID runId,
    String actor,
    AuditCategory category,
    String action,
    UUID objectId,
    String objectName,
    Map<String, String> before,
    Map<String, String> after,
    String detail) {

  public static AuditEventResponse from(AuditEvent event) {
    return new AuditEventResponse(
        event.id(),
        event.at(),
        event.runId(),
        event.actor(),
        event.category(),
        event.action(),
        event.objectId(),
        event.objectName(),
        new TreeMap<>(event.before()),
        new TreeMap<>(event.after()),
        event.detail());
  }
}
