package org.roster.application.port.in;

import java.util.Map;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.sync.SyncPolicy;

/**
 * Create or replace a profile.
 *
 * @param name unique display name
 * @param type the connector type ("csv", ...)
 * @param settings the connector's settings; on update, a secret left out keeps its stored value
 * @param policy how the sync treats what it reads; null = the type's defaults
 * @param enabled false: no scheduled or dropped-file runs; null = true
 * @param schedule when it runs by itself; null = only when asked
 */
public record SaveProfileCommand(
    String name,
    String type,
    Map<String, Object> settings,
    SyncPolicy policy,
    Boolean enabled,
    ProfileSchedule schedule) {
  public SaveProfileCommand {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("name", "'name' must not be blank");
    }
    if (type == null || type.isBlank()) {
      throw new InvalidRequestException("type", "'type' must not be blank");
    }
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** A profile without a schedule. */
  public SaveProfileCommand(
      String name, String type, Map<String, Object> settings, SyncPolicy policy, Boolean enabled) {
    this(name, type, settings, policy, enabled, null);
  }
}
