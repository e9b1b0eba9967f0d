package org.roster.web.exclusion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;
import org.roster.web.json.StrictString;
import org.roster.web.json.StrictUuid;

/** The object to exclude from the sync: {@code objectType} USER, GROUP or ROLE, and its id. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ExclusionRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String objectType,
    @Nullable @Serdeable.Deserializable(using = StrictUuid.class) UUID objectId) {}
