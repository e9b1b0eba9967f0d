package org.roster.application.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.ConnectionTestResult;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageProfilesUseCase;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.ProfileStore;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.SyncPolicy;

/**
 * Profiles: settings validated by their connector without I/O; connection tests with I/O. A saved
 * profile's next scheduled run is planned by {@link ScheduleService}.
 */
public final class ProfileService implements ManageProfilesUseCase {
  private final ProfileStore profiles;
  private final AuditStore audit;
  private final ConnectorRegistry connectors;
  private final ScheduleService schedules;
  private final Clock clock;

  public ProfileService(ProfileStore profiles, AuditStore audit, ConnectorRegistry connectors,
      ScheduleService schedules, Clock clock) {
    this.profiles = profiles;
    this.audit = audit;
    this.connectors = connectors;
    this.schedules = schedules;
    this.clock = clock;
  }

  @Override
  public Profile create(SaveProfileCommand c, String actor) {
    validate(c.type(), c.settings());
    profiles.findByName(c.name()).ifPresent(p -> {
      throw new ConflictException("a profile named '" + c.name() + "' already exists");
    });
    var now = clock.instant();
    UUID id = UUID.randomUUID();
    Profile p = new Profile(id, c.name(), c.type(), connectors.sealedSettings(id, c.type(), c.settings()),
        c.policy() == null ? SyncPolicy.defaultsFor(c.type()) : c.policy(),
        c.enabled() == null || c.enabled(), now, now, c.schedule());
    profiles.save(p);
    schedules.saved(null, p);
    record(actor, "created", p, "type " + p.type());
    return p;
  }

  @Override
  public Profile update(UUID id, SaveProfileCommand c, String actor) {
    Profile old = get(id);
    if (!old.type().equals(c.type())) {
      throw new InvalidRequestException("type", "the type of a profile cannot change (it is '" + old.type() + "')");
    }
    Map<String, Object> settings = new HashMap<>(c.settings());
    for (String secret : secretSettings(old.type())) {
      if (!settings.containsKey(secret) && old.settings().containsKey(secret)) {
        settings.put(secret, old.settings().get(secret)); // write-only: absent keeps the stored one
      }
    }
    validate(c.type(), connectors.plainSettings(id, c.type(), settings));
    profiles.findByName(c.name()).filter(p -> !p.id().equals(id)).ifPresent(p -> {
      throw new ConflictException("a profile named '" + c.name() + "' already exists");
    });
    Profile p = new Profile(id, c.name(), c.type(), connectors.sealedSettings(id, c.type(), settings),
        c.policy() == null ? SyncPolicy.defaultsFor(c.type()) : c.policy(),
        c.enabled() == null ? old.enabled() : c.enabled(), old.createdAt(), clock.instant(),
        c.schedule());
    profiles.save(p);
    schedules.saved(old, p);
    record(actor, "updated", p, "");
    return p;
  }

  /**
   * At start-up: seals the secrets stored in plain text by a version that did not encrypt them,
   * and proves that every sealed secret opens with this server's key.
   *
   * @return how many profiles had plain-text secrets sealed now
   * @throws SecretBox.UnreadableSecretException naming the profile and setting when the key is
   *     not the one the secrets were sealed with (the server must not start)
   */
  public int sealStoredSecrets() {
    int sealed = 0;
    for (Profile p : profiles.list()) {
      if (!connectors.types().contains(p.type())) {
        continue;
      }
      connectors.plainSettings(p.id(), p.type(), p.settings()); // throws if one does not open
      Map<String, Object> now = connectors.sealedSettings(p.id(), p.type(), p.settings());
      if (!now.equals(p.settings())) {
        profiles.save(new Profile(p.id(), p.name(), p.type(), now, p.policy(), p.enabled(),
            p.createdAt(), p.updatedAt(), p.schedule()));
        sealed++;
      }
    }
    return sealed;
  }

  @Override
  public List<Profile> list() {
    return profiles.list();
  }

  @Override
  public Profile get(UUID id) {
    return profiles.find(id).orElseThrow(() -> new NotFoundException("profile", id));
  }

  @Override
  public void delete(UUID id, String actor) {
    Profile p = get(id);
    profiles.delete(id);
    schedules.deleted(id);
    record(actor, "deleted", p, "its users, groups and runs are kept");
  }

  @Override
  public ConnectionTestResult test(UUID id) {
    Profile p = get(id);
    long start = System.nanoTime();
    try {
      ConnectorFactory f = connectors.get(p.type());
      try (DirectorySource s = f.open(connectors.settingsOf(p),
          new SourceContext(p.id().toString(), clock))) {
        s.testConnection();
      }
      return new ConnectionTestResult(true, "connection works", (System.nanoTime() - start) / 1_000_000);
    } catch (ConnectorException | SecretBox.UnreadableSecretException e) {
      return new ConnectionTestResult(false, e.getMessage(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  @Override
  public Set<String> secretSettings(String type) {
    return connectors.get(type).secretSettings();
  }

  @Override
  public Set<String> types() {
    return connectors.types();
  }

  private void validate(String type, Map<String, Object> settings) {
    try {
      connectors.get(type).validate(RawSettings.of(settings));
    } catch (InvalidSettingsException e) {
      throw new InvalidRequestException("settings." + e.field(), e.getMessage());
    }
  }

  private void record(String actor, String action, Profile p, String detail) {
    audit.appendNow(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(), null, actor,
        AuditCategory.PROFILE, action, p.id(), p.name(), Map.of(), Map.of(), detail)));
  }
}
