package org.roster.web.fake;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.roster.application.port.in.QueryAuditUseCase;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditEvent;

/** Audit events in a list; remembers the last query so tests can check how parameters arrived. */
public class InMemoryAudit implements QueryAuditUseCase {
  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  private volatile AuditQuery lastQuery;
  private volatile int failAfter = -1;

  public void clear() {
    events.clear();
    lastQuery = null;
    failAfter = -1;
  }

  /** Makes exports fail, as a lost database would, after {@code count} events. */
  public void failExportsAfter(int count) {
    failAfter = count;
  }

  public void add(AuditEvent event) {
    events.add(event);
  }

  public AuditQuery lastQuery() {
    return lastQuery;
  }

  @Override
  public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
    lastQuery = query;
    return Pages.of(
        events.stream()
            .filter(matching(query))
            .sorted(Comparator.comparing(AuditEvent::at).reversed())
            .toList(),
        page);
  }

  @Override
  public void export(AuditQuery query, Consumer<AuditEvent> consumer) {
    lastQuery = query;
    List<AuditEvent> matching =
        events.stream()
            .filter(matching(query))
            .sorted(Comparator.comparing(AuditEvent::at))
            .toList();
    for (int i = 0; i < matching.size(); i++) {
      if (i == failAfter) {
        throw new IllegalStateException("the audit store went away");
      }
      consumer.accept(matching.get(i));
    }
  }

  private static Predicate<AuditEvent> matching(AuditQuery q) {
    return e ->
        (q.from() == null || !e.at().isBefore(q.from()))
            && (q.to() == null || e.at().isBefore(q.to()))
            && (q.category() == null || e.category() == q.category())
            && (q.runId() == null || Objects.equals(e.runId(), q.runId()))
            && (q.user() == null
                || e.objectName()
                    .toLowerCase(Locale.ROOT)
                    .contains(q.user().toLowerCase(Locale.ROOT))
                || e.actor().toLowerCase(Locale.ROOT).contains(q.user().toLowerCase(Locale.ROOT)));
  }
}
