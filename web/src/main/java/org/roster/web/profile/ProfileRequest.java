package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.domain.sync.SyncPolicy;
import org.roster.web.json.StrictBoolean;
import org.roster.web.json.StrictString;

/**
 * A profile as a client creates or replaces it. A secret setting sent as {@value
 * ProfileResponse#REDACTED} (what responses show) counts as left out, so the stored secret stays.
 * A {@code schedule} left out or null means the profile runs only when asked.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProfileRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String name,
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String type,
    @Nullable Map<String, Object> settings,
    @Nullable PolicyRequest policy,
    @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean enabled,
    @Nullable ScheduleRequest schedule) {

  SaveProfileCommand toCommand(Set<String> secretSettings) {
    SyncPolicy defaults = SyncPolicy.defaultsFor(type);
    return new SaveProfileCommand(
        name,
        type,
        withoutRedacted(secretSettings),
        policy == null ? defaults : policy.over(defaults),
        enabled,
        schedule == null ? null : schedule.toSchedule());
  }

  private Map<String, Object> withoutRedacted(Set<String> secretSettings) {
    Map<String, Object> kept = new LinkedHashMap<>();
    if (settings != null) {
      settings.forEach(
          (key, value) -> {
            boolean placeholder =
                secretSettings.contains(key) && ProfileResponse.REDACTED.equals(value);
            if (value != null && !placeholder) {
              kept.put(key, value);
            }
          });
    }
    return kept;
  }
}
