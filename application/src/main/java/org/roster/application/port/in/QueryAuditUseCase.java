package org.roster.application.port.in;

import java.util.function.Consumer;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditEvent;

/** Search and export the audit log. */
public interface QueryAuditUseCase {

  /** Newest first. */
  Page<AuditEvent> search(AuditQuery query, PageRequest page);

  /** Every matching event, oldest first, streamed. */
  void export(AuditQuery query, Consumer<AuditEvent> consumer);
}
