package org.roster.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Consumer;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;

/**
 * {@link AuditStore} on {@code audit_event}. Events sharing a timestamp keep the order they were
 * appended in ({@code seq}).
 */
@Singleton
public class JdbcAuditStore implements AuditStore {
  private static final String COLUMNS =
      "id, at, run_id, actor, category, action, object_id,"
          + " object_name, before_json, after_json, detail";

  private static final BulkInsert.Table TABLE = new BulkInsert.Table("audit_event", COLUMNS);

  private final Jdbc jdbc;
  private final BulkInsert bulk;
  private final JsonCodec json;

  JdbcAuditStore(Jdbc jdbc, BulkInsert bulk, JsonCodec json) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.json = json;
  }

  @Override
  public void appendAll(Collection<AuditEvent> events) {
    jdbc.joinedRun(c -> append(c, events));
  }

  @Override
  public void appendNow(Collection<AuditEvent> events) {
    jdbc.separateRun(c -> append(c, events));
  }

  @Override
  public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
    return jdbc.joined(
        c -> where(query).page(c, "audit_event", COLUMNS, "at DESC, seq DESC", page, this::event));
  }

  @Override
  public void export(AuditQuery query, Consumer<AuditEvent> consumer) {
    Where where = where(query);
    jdbc.joinedRun(
        c ->
            Sql.stream(
                c,
                "SELECT " + COLUMNS + " FROM audit_event" + where.sql() + " ORDER BY at, seq",
                this::event,
                consumer,
                where.params()));
  }

  /** In the order given: {@code seq} (an identity) numbers the rows as they arrive. */
  private void append(Connection c, Collection<AuditEvent> events) throws SQLException {
    bulk.insert(
        c,
        TABLE,
        events,
        e ->
            new Object[] {
              e.id(),
              e.at(),
              e.runId(),
              e.actor(),
              e.category(),
              e.action(),
              e.objectId(),
              e.objectName(),
              json.writeStrings(e.before()),
              json.writeStrings(e.after()),
              e.detail()
            });
  }

  private static Where where(AuditQuery q) {
    String user = q.user() == null || q.user().isBlank() ? null : Sql.contains(q.user().trim());
    return new Where()
        .andIf(q.from(), "at >= ?", q.from())
        .andIf(q.to(), "at < ?", q.to())
        .andIf(
            user,
            "(lower(object_name) LIKE ? ESCAPE '\\' OR lower(actor) LIKE ? ESCAPE '\\')",
            user,
            user)
        .andIf(q.category(), "category = ?", q.category())
        .andIf(q.runId(), "run_id = ?", q.runId());
  }

  private AuditEvent event(ResultSet rs) throws SQLException {
    return new AuditEvent(
        Sql.uuid(rs, "id"),
        Sql.instant(rs, "at"),
        Sql.uuid(rs, "run_id"),
        rs.getString("actor"),
        AuditCategory.valueOf(rs.getString("category")),
        rs.getString("action"),
        Sql.uuid(rs, "object_id"),
        rs.getString("object_name"),
        json.stringMap(rs.getString("before_json")),
        json.stringMap(rs.getString("after_json")),
        rs.getString("detail"));
  }
}
