package org.roster.web.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.inject.Named;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.QueryAuditUseCase;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.PageRequest;
import org.roster.web.page.PageResponse;
import org.roster.web.security.ApiRoles;

/**
 * The audit log: a page of JSON, newest first, or with {@code format=csv} the whole matching log as
 * a streamed CSV download, oldest first ({@code delimiter} {@code ,} by default, or {@code ;}).
 */
@Controller("/api/v1/audit")
@Secured({ApiRoles.SYSADMIN, ApiRoles.PEOPLE_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {
  static final MediaType TEXT_CSV = MediaType.of("text/csv; charset=UTF-8");

  private final QueryAuditUseCase audit;
  private final ExecutorService exports;

  public AuditController(
      QueryAuditUseCase audit, @Named(TaskExecutors.BLOCKING) ExecutorService exports) {
    this.audit = audit;
    this.exports = exports;
  }

  @Get
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public HttpResponse<?> search(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String user,
      @QueryValue @Nullable String category,
      @QueryValue @Nullable UUID runId,
      @QueryValue(defaultValue = "json") String format,
      @QueryValue(defaultValue = ",") String delimiter,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = PageResponse.DEFAULT_SIZE) int size)
      throws InterruptedIOException {
    AuditQuery query = new AuditParams(from, to, user, category, runId).toQuery();
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "json" ->
          HttpResponse.ok(
              PageResponse.from(
                  audit.search(query, new PageRequest(page, size)), AuditEventResponse::from));
      case "csv" -> HttpResponse.ok(csv(query, delimiterOf(delimiter)));
      default ->
          throw new InvalidRequestException(
              "format", "'format' must be json or csv; not '" + format + "'");
    };
  }

  /** Waits for the export's first chunk, so that an early failure is still a problem response. */
  private StreamedFile csv(AuditQuery query, char delimiter) throws InterruptedIOException {
    AuditCsv csv = new AuditCsv(audit, query, delimiter);
    return new StreamedFile(StreamingExport.start(exports, csv::writeTo), TEXT_CSV)
        .attach("audit.csv");
  }

  private static char delimiterOf(String delimiter) {
    if (delimiter.equals(",") || delimiter.equals(";")) {
      return delimiter.charAt(0);
    }
    throw new InvalidRequestException(
        "delimiter", "'delimiter' must be ',' or ';'; not '" + delimiter + "'");
  }
}
