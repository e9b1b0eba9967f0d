package org.roster.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The admin API's OpenAPI description: the build writes it to {@code META-INF/swagger/} in this
 * module's jar.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Roster admin API",
            version = "v1",
            description =
                "Sync profiles, runs, users and the audit log. Errors are RFC 9457 problems"
                    + " (application/problem+json); lists are pages {items, page, size, total}."
                    + " Log in with HTTP Basic as a Roster admin, or send an API token as"
                    + " Authorization: Bearer; too many failed logins answer 429 with Retry-After."),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token from POST /api/v1/tokens (rst_...)")
public final class ApiDefinition {
  private ApiDefinition() {}
}
