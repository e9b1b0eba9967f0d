package org.roster.web.fake;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.ConnectionTestResult;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageProfilesUseCase;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.QuerySchedulesUseCase;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.application.port.in.ScheduleStatus;
import org.roster.domain.sync.Profile;

/**
 * Profiles in a map. Two types: "csv" (requires the setting "folder") and "ldap" (secret
 * "bindPassword"). A connection test of a profile named "explode" fails unexpectedly. A scheduled
 * profile runs next at its schedule's first time after {@link #NOW}.
 */
public class InMemoryProfiles implements ManageProfilesUseCase, QuerySchedulesUseCase {
  public static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");

  private final Map<UUID, Profile> profiles = new ConcurrentHashMap<>();
  private final Map<UUID, String> actors = new ConcurrentHashMap<>();

  public void clear() {
    profiles.clear();
    actors.clear();
  }

  /** Who last created or changed the profile. */
  public String lastActor(UUID id) {
    return actors.get(id);
  }

  /** The profile as stored, secrets in clear. */
  public Profile stored(UUID id) {
    return profiles.get(id);
  }

  @Override
  public Profile create(SaveProfileCommand command, String actor) {
    validate(command);
    checkNameFree(command.name(), null);
    Profile profile =
        new Profile(
            UUID.randomUUID(),
            command.name(),
            command.type(),
            command.settings(),
            command.policy(),
            command.enabled() == null || command.enabled(),
            NOW,
            NOW,
            command.schedule());
    profiles.put(profile.id(), profile);
    actors.put(profile.id(), actor);
    return profile;
  }

  @Override
  public Profile update(UUID id, SaveProfileCommand command, String actor) {
    Profile old = get(id);
    validate(command);
    checkNameFree(command.name(), id);
    Map<String, Object> settings = new HashMap<>(command.settings());
    for (String secret : secretSettings(command.type())) {
      if (!settings.containsKey(secret) && old.settings().containsKey(secret)) {
        settings.put(secret, old.settings().get(secret));
      }
    }
    Profile changed =
        new Profile(
            id,
            command.name(),
            command.type(),
            settings,
            command.policy(),
            command.enabled() == null || command.enabled(),
            old.createdAt(),
            NOW.plusSeconds(60),
            command.schedule());
    profiles.put(id, changed);
    actors.put(id, actor);
    return changed;
  }

  @Override
  public List<Profile> list() {
    return profiles.values().stream().sorted(Comparator.comparing(Profile::name)).toList();
  }

  @Override
  public Profile get(UUID id) {
    Profile profile = profiles.get(id);
    if (profile == null) {
      throw new NotFoundException("profile", id);
    }
    return profile;
  }

  @Override
  public void delete(UUID id, String actor) {
    get(id);
    profiles.remove(id);
  }

  @Override
  public ConnectionTestResult test(UUID id) {
    Profile profile = get(id);
    if (profile.name().equals("explode")) {
      throw new IllegalStateException("connection pool broke; password=hunter2");
    }
    return new ConnectionTestResult(
        true, "read one entry from " + profile.settings().get("folder"), 7);
  }

  @Override
  public ScheduleStatus status(UUID profileId) {
    Profile p = profiles.get(profileId);
    return p == null || !p.scheduled()
        ? ScheduleStatus.NONE
        : new ScheduleStatus(p.schedule().timing().next(NOW), null, null);
  }

  @Override
  public Map<UUID, ScheduleStatus> statuses() {
    Map<UUID, ScheduleStatus> out = new HashMap<>();
    profiles.keySet().forEach(id -> out.put(id, status(id)));
    return out;
  }

  @Override
  public Set<String> secretSettings(String type) {
    return type.equals("ldap") ? Set.of("bindPassword") : Set.of();
  }

  @Override
  public Set<String> types() {
    return Set.of("csv", "ldap");
  }

  private void validate(SaveProfileCommand command) {
    if (!types().contains(command.type())) {
      throw new InvalidRequestException(
          "type", "'type' must be one of " + types() + "; not '" + command.type() + "'");
    }
    if (command.type().equals("csv") && !command.settings().containsKey("folder")) {
      throw new InvalidRequestException("settings.folder", "'settings.folder' is required");
    }
  }

  private void checkNameFree(String name, UUID self) {
    boolean taken =
        profiles.values().stream()
            .anyMatch(p -> p.name().equalsIgnoreCase(name) && !p.id().equals(self));
    if (taken) {
      throw new ConflictException("a profile named '" + name + "' already exists");
    }
  }

  /** Settings in insertion order, for fixtures. */
  public static Map<String, Object> settings(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
