package org.roster.web.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.web.json.StrictBoolean;

/** Whether a user is protected (an owner a sync never deactivates or deletes). */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProtectedRequest(
    @JsonProperty("protected") @Nullable @Serdeable.Deserializable(using = StrictBoolean.class)
        Boolean protectedUser) {}
