package org.roster.application.port.out;

import java.time.Instant;
import java.util.UUID;
import org.roster.domain.audit.AuditCategory;

/**
 * An audit search; null fields do not filter.
 *
 * @param from events at or after
 * @param to events before
 * @param user a login or name, matched case-insensitively as a substring of the object name or
 *     the actor
 * @param category only this category
 * @param runId only events of this run
 */
public record AuditQuery(Instant from, Instant to, String user, AuditCategory category, UUID runId) {
  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);
}
