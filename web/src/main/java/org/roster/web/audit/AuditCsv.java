package org.roster.web.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roster.application.port.in.QueryAuditUseCase;
import org.roster.application.port.out.AuditQuery;
import org.roster.domain.audit.AuditEvent;

/**
 * The audit log as CSV (RFC 4180: CRLF line ends, values holding the delimiter, a quote or a line
 * break quoted, quotes doubled), oldest event first, a header row first. {@code before} and {@code
 * after} read {@code key=value; key=value}, keys sorted.
 */
final class AuditCsv {
  static final String[] HEADER = {
    "at",
    "runId",
    "actor",
    "category",
    "action",
    "objectId",
    "objectName",
    "before",
    "after",
    "detail"
  };

  private final QueryAuditUseCase audit;
  private final AuditQuery query;
  private final CSVFormat format;

  AuditCsv(QueryAuditUseCase audit, AuditQuery query, char delimiter) {
    this.audit = audit;
    this.query = query;
    this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader(HEADER).get();
  }

  /** Streams every matching event to {@code out}; blocking. */
  void writeTo(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer = format.print(writer);
    try {
      audit.export(query, event -> print(printer, event));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    printer.flush();
  }

  private static void print(CSVPrinter printer, AuditEvent event) {
    try {
      printer.printRecord(
          event.at(),
          event.runId(),
          event.actor(),
          event.category(),
          event.action(),
          event.objectId(),
          event.objectName(),
          changes(event.before()),
          changes(event.after()),
          event.detail());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String changes(Map<String, String> fields) {
    return new TreeMap<>(fields)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; "));
  }
}
