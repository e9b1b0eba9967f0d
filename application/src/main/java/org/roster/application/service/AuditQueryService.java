package org.roster.application.service;

import java.util.function.Consumer;
import org.roster.application.port.in.QueryAuditUseCase;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditEvent;

/** The audit log, searched and exported. */
public final class AuditQueryService implements QueryAuditUseCase {
  private final AuditStore audit;

  public AuditQueryService(AuditStore audit) {
    this.audit = audit;
  }

  @Override
  public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
    if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
      throw new org.roster.application.port.in.InvalidRequestException("to", "'to' is before 'from'");
    }
    return audit.search(query, page);
  }

  @Override
  public void export(AuditQuery query, Consumer<AuditEvent> consumer) {
    audit.export(query, consumer);
  }
}
