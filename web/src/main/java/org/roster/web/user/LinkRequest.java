package org.roster.web.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;
import org.roster.web.json.StrictString;
import org.roster.web.json.StrictUuid;

/**
 * The directory entry to link a local user to: the profile and the entry's external id (a
 * directory search's CONFLICT hit names both).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record LinkRequest(
    @Nullable @Serdeable.Deserializable(using = StrictUuid.class) UUID profileId,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String externalId) {}
