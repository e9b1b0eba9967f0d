package org.roster.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roster.application.port.out.AuditStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;

/**
 * Audit events of an admin's direct action (DESIGN rule 14): no run, the admin as actor, appended
 * in the action's own transaction so that the change and its event commit or roll back together.
 */
final class AdminAudit {
  private final AuditStore audit;
  private final Clock clock;

  AdminAudit(AuditStore audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  void record(String actor, AuditCategory category, String action, UUID objectId,
      String objectName, Map<String, String> before, Map<String, String> after, String detail) {
    audit.appendAll(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(), null, actor,
        category, action, objectId, objectName, before, after, detail)));
  }
}
