package org.roster.web.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;
import org.roster.web.json.StrictBoolean;
import org.roster.web.json.StrictStringList;
import org.roster.web.json.StrictUuidList;

/**
 * Entries to import: {@code externalIds} as a directory search lists them (required, 1 to 1000),
 * {@code enable} whether new users start ACTIVE (left out: the profile's setting), {@code roleIds}
 * roles to give the users the import creates.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ImportRequest(
    @Nullable @Serdeable.Deserializable(using = StrictStringList.class) List<String> externalIds,
    @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean enable,
    @Nullable @Serdeable.Deserializable(using = StrictUuidList.class) List<UUID> roleIds) {}
