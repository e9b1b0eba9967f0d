package org.roster.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.roster.domain.Require;

/**
 * One change, as the audit log keeps it: when, in which run, by whom, to what, before → after.
 *
 * @param id the event's id
 * @param at when it happened
 * @param runId the run that made the change; null for an admin's direct action
 * @param actor who made it: {@code profile:<name>} or {@code admin:<login>}
 * @param category what kind of object changed
 * @param action what happened, e.g. "created", "renamed", "disabled", "seat granted"
 * @param objectId the changed object's Roster id; null for run-level events
 * @param objectName a human name of the object (login, group name) at the time
 * @param before the changed fields before (empty for a creation)
 * @param after the changed fields after (empty for a deletion)
 * @param detail a sentence for the admin (a run's summary line, a reason)
 */
public record AuditEvent(
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

  public AuditEvent {
    Require.notNull(id, "id");
    Require.notNull(at, "at");
    Require.notBlank(actor, "actor");
    Require.notNull(category, "category");
    Require.notBlank(action, "action");
    before = Map.copyOf(Require.notNull(before, "before"));
    after = Map.copyOf(Require.notNull(after, "after"));
    detail = detail == null ? "" : detail;
    objectName = objectName == null ? "" : objectName;
  }
}
