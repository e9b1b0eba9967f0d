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
                    + " (application/problem+json); lists are pages {items, page, size, total}."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public final class ApiDefinition {
  private ApiDefinition() {}
}
