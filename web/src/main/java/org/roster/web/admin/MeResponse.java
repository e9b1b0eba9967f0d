package org.roster.web.admin;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Who the caller is.
 *
 * @param login the admin's login
 * @param roles the roles of this request (an API token's, when it came with one)
 * @param authenticatedWith {@code password} or {@code token}
 */
@Serdeable
public record MeResponse(String login, List<String> roles, String authenticatedWith) {}
