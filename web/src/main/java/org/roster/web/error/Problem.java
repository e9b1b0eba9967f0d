package org.roster.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type always {@code about:blank}: the status says what kind of problem it is
 * @param title the status's reason phrase
 * @param status the HTTP status code
 * @param detail what went wrong, for a human
 * @param instance the request path
 * @param field the request field or parameter at fault, as the client wrote it; absent when unknown
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    @Nullable String instance,
    @Nullable String field) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
