package org.roster.web.licence;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PUT /api/v1/licences/limit}, as the API description shows it: {@code limit}
 * must be there, a whole number from 0 or null for no limit. The controller reads the body itself
 * to tell a left-out limit (refused) from null (unlimited).
 */
@Serdeable
@Schema(requiredProperties = {"limit"})
public record LimitRequest(
    @Schema(nullable = true, minimum = "0", description = "seats; null: no limit") Integer limit) {}
