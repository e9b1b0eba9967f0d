package org.roster.web.role;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;
import org.roster.web.json.StrictUuidList;

/** The groups a role is bound to, replacing its bindings; an empty list unbinds it. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record BindingRequest(
    @Nullable @Serdeable.Deserializable(using = StrictUuidList.class) List<UUID> groupIds) {}
