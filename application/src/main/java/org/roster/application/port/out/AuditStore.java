package org.roster.application.port.out;

import java.util.Collection;
import java.util.function.Consumer;
import org.roster.domain.audit.AuditEvent;

/** The audit log: append-only. */
public interface AuditStore {

  /** Appends events in batches; joins the caller's transaction (rolled back with it). */
  void appendAll(Collection<AuditEvent> events);

  /**
   * Appends events in a transaction of their own, committed at once (run-level events that must
   * survive the rollback of a dry run or a tripped run).
   */
  void appendNow(Collection<AuditEvent> events);

  /** Events matching the query, newest first. */
  Page<AuditEvent> search(AuditQuery query, PageRequest page);

  /** Streams every event matching the query, oldest first, without loading them all at once. */
  void export(AuditQuery query, Consumer<AuditEvent> consumer);
}
