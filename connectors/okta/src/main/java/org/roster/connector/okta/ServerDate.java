package org.roster.connector.okta;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Okta's clock as its first answer's {@code Date} header tells it (one-second resolution): a
 * response interceptor on the SDK's HTTP client notes it. Thread-safe.
 */
final class ServerDate implements HttpResponseInterceptor {
  private volatile Instant first;

  @Override
  public void process(HttpResponse response, EntityDetails entity, HttpContext context) {
    if (first == null) {
      Header date = response.getFirstHeader("Date");
      if (date != null) {
        try {
          first =
              ZonedDateTime.parse(date.getValue().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                  .toInstant();
        } catch (DateTimeParseException e) {
          // a Date Okta does not send: the context's clock alone decides
        }
      }
    }
  }

  /** The first answer's time, if one came with a valid {@code Date}. */
  Optional<Instant> first() {
    return Optional.ofNullable(first);
  }
}
