package org.roster.web.licence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.application.port.in.LicenceOverview;
import org.roster.domain.licence.LicencePool;

/**
 * The licence pool: {@code limit} (null: unlimited), seats {@code used}, {@code free} (null when
 * unlimited), {@code overLimit} when more seats are held than the limit allows, and how many
 * users wait {@code blocked} for a seat.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LicenceResponse(Integer limit, int used, Integer free, boolean overLimit, long blocked) {

  public static LicenceResponse from(LicenceOverview overview) {
    LicencePool pool = overview.pool();
    return new LicenceResponse(
        pool.limit(),
        pool.used(),
        pool.limit() == null ? null : pool.free(),
        pool.overLimit(),
        overview.blocked());
  }
}
