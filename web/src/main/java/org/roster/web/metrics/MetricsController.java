package org.roster.web.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import org.roster.web.security.ApiRoles;

/**
 * {@code GET /metrics}: the Prometheus text format (runs, entries, durations, JVM). Needs a login
 * of any admin role, so a scraper uses an API token ({@code authorization: Bearer ...}) or HTTP
 * Basic.
 */
@Controller("/metrics")
@Secured({ApiRoles.SYSADMIN, ApiRoles.SYNC_ADMIN, ApiRoles.PEOPLE_ADMIN})
public class MetricsController {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Get
  HttpResponse<String> scrape() {
    return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
  }
}
