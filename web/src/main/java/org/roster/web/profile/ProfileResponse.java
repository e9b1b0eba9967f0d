package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.roster.domain.sync.Profile;

/**
 * A profile as the API shows it. Secret settings are write-only: one that is set reads as {@value
 * #REDACTED}, one that is not set is absent.
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
    Instant updatedAt) {

  /** What a set secret reads as. */
  public static final String REDACTED = "***";

  /**
   * @param secretSettings the setting keys of the profile's type that are secrets
   */
  public static ProfileResponse from(Profile profile, Set<String> secretSettings) {
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
        profile.updatedAt());
  }
}
