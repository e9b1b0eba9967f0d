package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.roster.application.port.in.ScheduleStatus;
import org.roster.domain.sync.Profile;

/**
 * A profile as the API shows it. Secret settings are write-only: one that is set reads as {@value
 * #REDACTED}, one that is not set is absent. {@code nextRunAt} is when the schedule runs it next
 * (null without a schedule or while disabled); {@code lastScheduledRunAt} and {@code
 * lastScheduledRunId} name the last run the schedule started.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProfileResponse(
    UUID id,
    String name,
    String type,
    Map<String, Object> settings,
    PolicyResponse policy,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    @Nullable ScheduleResponse schedule,
    @Nullable Instant nextRunAt,
    @Nullable Instant lastScheduledRunAt,
    @Nullable UUID lastScheduledRunId) {

  /** What a set secret reads as. */
  public static final String REDACTED = "***";

  /**
   * @param secretSettings the setting keys of the profile's type that are secrets
   * @param status where the profile stands in its schedule
   */
  public static ProfileResponse from(
      Profile profile, Set<String> secretSettings, ScheduleStatus status) {
    Map<String, Object> settings = new TreeMap<>(profile.settings());
    settings.replaceAll((key, value) -> secretSettings.contains(key) ? REDACTED : value);
    return new ProfileResponse(
        profile.id(),
        profile.name(),
        profile.type(),
        settings,
        PolicyResponse.from(profile.policy()),
        profile.enabled(),
        profile.createdAt(),
        profile.updatedAt(),
        profile.schedule() == null ? null : ScheduleResponse.from(profile.schedule()),
        profile.scheduled() ? status.nextRunAt() : null,
        status.lastRunAt(),
        status.lastRunId());
  }
}
