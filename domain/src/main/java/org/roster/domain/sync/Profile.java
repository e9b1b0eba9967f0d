package org.roster.domain.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.roster.domain.Require;
import org.roster.domain.schedule.ProfileSchedule;

/**
 * A sync profile: one configured directory.
 *
 * @param id Roster's id
 * @param name unique display name
 * @param type the connector type ("csv", "ldap", ...)
 * @param settings the connector's settings as the admin wrote them (secrets included; the store
 *     encrypts them, responses redact them)
 * @param policy how the sync treats what it reads
 * @param enabled false: no scheduled or dropped-file runs (manual runs still allowed)
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param schedule when it runs by itself and how; null = only when asked (or a file is dropped)
 */
public record Profile(
    UUID id,
    String name,
    String type,
    Map<String, Object> settings,
    SyncPolicy policy,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    ProfileSchedule schedule) {

  public Profile {
    Require.notNull(id, "id");
    Require.notBlank(name, "name");
    Require.notBlank(type, "type");
    settings = Map.copyOf(Require.notNull(settings, "settings"));
    Require.notNull(policy, "policy");
    Require.notNull(createdAt, "createdAt");
    Require.notNull(updatedAt, "updatedAt");
  }

  /** A profile without a schedule. */
  public Profile(UUID id, String name, String type, Map<String, Object> settings, SyncPolicy policy,
      boolean enabled, Instant createdAt, Instant updatedAt) {
    this(id, name, type, settings, policy, enabled, createdAt, updatedAt, null);
  }

  /** Whether scheduled runs of it are due at their times: it has a schedule and is enabled. */
  public boolean scheduled() {
    return enabled && schedule != null;
  }

  /** The actor name audit events of this profile's runs carry. */
  public String actor() {
    return "profile:" + name;
  }
}
