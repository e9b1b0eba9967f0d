package org.roster.web.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.out.AuditQuery;
import org.roster.domain.audit.AuditCategory;

/**
 * The audit endpoint's query parameters as the client sent them, turned into a query. {@code from}
 * and {@code to} take an ISO-8601 instant ({@code 2024-05-01T08:00:00Z}, an offset allowed) or a
 * date; a date {@code from} starts at that day's 00:00 UTC, a date {@code to} includes that whole
 * day (UTC), an instant {@code to} is exclusive.
 */
record AuditParams(String from, String to, String user, String category, UUID runId) {

  AuditQuery toQuery() {
    Instant start = from == null || from.isBlank() ? null : instant("from", from, false);
    Instant end = to == null || to.isBlank() ? null : instant("to", to, true);
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidRequestException("to", "'to' must not be before 'from'");
    }
    return new AuditQuery(
        start, end, user == null || user.isBlank() ? null : user.trim(), categoryValue(), runId);
  }

  private AuditCategory categoryValue() {
    if (category == null || category.isBlank()) {
      return null;
    }
    try {
      return AuditCategory.valueOf(category.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "category",
          "'category' must be one of "
              + Arrays.toString(AuditCategory.values())
              + "; not '"
              + category
              + "'");
    }
  }

  /**
   * @param endOfDay a date means the end of that day (the next day's start)
   */
  private static Instant instant(String field, String value, boolean endOfDay) {
    // A '+' of an offset arrives as a space when the client did not encode it.
    String text = value.trim().replace(' ', '+');
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          field,
          "'"
              + field
              + "' must be an ISO-8601 instant (2024-05-01T08:00:00Z) or date (2024-05-01); not '"
              + value
              + "'");
    }
  }
}
