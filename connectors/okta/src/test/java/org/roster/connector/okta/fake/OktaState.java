package org.roster.connector.okta.fake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fake org's users and groups, with Okta's timestamps: {@code lastUpdated} moves when a user's
 * profile or status changes, a group's {@code lastUpdated} when its profile changes and its {@code
 * lastMembershipUpdated} when a member joins or leaves. The built-in Everyone group holds every
 * user. Callers synchronize on the state.
 */
final class OktaState {
  static final Set<String> STATUSES =
      Set.of(
          "STAGED",
          "PROVISIONED",
          "ACTIVE",
          "RECOVERY",
          "PASSWORD_EXPIRED",
          "LOCKED_OUT",
          "SUSPENDED",
          "DEPROVISIONED");

  /** A user. */
  static final class User {
    final String id;
    final long seq;
    final Instant created;
    String status = "ACTIVE";
    Instant statusChanged;
    Instant lastUpdated;
    final Map<String, Object> profile = new LinkedHashMap<>();
    String password;
    boolean mfa;

    User(String id, long seq, Instant now) {
      this.id = id;
      this.seq = seq;
      this.created = now;
      this.statusChanged = now;
      this.lastUpdated = now;
    }
  }

  /** A group. */
  static final class Group {
    final String id;
    final long seq;
    final String type;
    final Instant created;
    String name;
    Instant lastUpdated;
    Instant lastMembershipUpdated;
    final Set<String> members = new LinkedHashSet<>();

    Group(String id, long seq, String type, String name, Instant now) {
      this.id = id;
      this.seq = seq;
      this.type = type;
      this.name = name;
      this.created = now;
      this.lastUpdated = now;
      this.lastMembershipUpdated = now;
    }
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  final Map<String, User> users = new LinkedHashMap<>();
  final Map<String, Group> groups = new LinkedHashMap<>();
  private final Clock clock;
  private final String everyone;
  private long seq;

  OktaState(Clock clock) {
    this.clock = clock;
    this.everyone = addGroup("Everyone", "BUILT_IN");
  }

  /** Okta's timestamp form, always with milliseconds: {@code 2024-05-01T12:00:00.000Z}. */
  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  String addUser(String status, Map<String, ?> profile) {
    String id = id("00u");
    User u = new User(id, seq, now());
    u.status = status;
    u.profile.putAll(profile);
    users.put(id, u);
    join(everyone, id);
    return id;
  }

  void updateProfile(String userId, Map<String, ?> changes) {
    User u = user(userId);
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            u.profile.remove(k);
          } else {
            u.profile.put(k, v);
          }
        });
    u.lastUpdated = now();
  }

  void setStatus(String userId, String status) {
    User u = user(userId);
    u.status = status;
    u.statusChanged = now();
    u.lastUpdated = u.statusChanged;
  }

  void deleteUser(String userId) {
    user(userId);
    users.remove(userId);
    for (Group g : groups.values()) {
      if (g.members.remove(userId)) {
        g.lastMembershipUpdated = now();
      }
    }
  }

  String addGroup(String name, String type) {
    String id = id("00g");
    groups.put(id, new Group(id, seq, type, name, now()));
    return id;
  }

  void renameGroup(String groupId, String name) {
    Group g = group(groupId);
    g.name = name;
    g.lastUpdated = now();
  }

  void deleteGroup(String groupId) {
    group(groupId);
    groups.remove(groupId);
  }

  void join(String groupId, String userId) {
    user(userId);
    if (group(groupId).members.add(userId)) {
      group(groupId).lastMembershipUpdated = now();
    }
  }

  void leave(String groupId, String userId) {
    if (group(groupId).members.remove(userId)) {
      group(groupId).lastMembershipUpdated = now();
    }
  }

  User user(String id) {
    User u = users.get(id);
    if (u == null) {
      throw new NoSuchElementException("no user " + id);
    }
    return u;
  }

  Group group(String id) {
    Group g = groups.get(id);
    if (g == null) {
      throw new NoSuchElementException("no group " + id);
    }
    return g;
  }

  /** The user found by id or login, as Okta's {@code GET /api/v1/users/{idOrLogin}} does. */
  User find(String idOrLogin) {
    User u = users.get(idOrLogin);
    if (u != null) {
      return u;
    }
    return users.values().stream()
        .filter(x -> idOrLogin.equalsIgnoreCase(String.valueOf(x.profile.get("login"))))
        .findFirst()
        .orElse(null);
  }

  List<Group> groupsOf(String userId) {
    List<Group> out = new ArrayList<>();
    groups.values().stream().filter(g -> g.members.contains(userId)).forEach(out::add);
    return out;
  }

  Map<String, Object> json(User u, String baseUrl) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id);
    m.put("status", u.status);
    m.put("created", time(u.created));
    m.put("activated", u.status.equals("STAGED") ? null : time(u.created));
    m.put("statusChanged", time(u.statusChanged));
    m.put("lastLogin", null);
    m.put("lastUpdated", time(u.lastUpdated));
    m.put("passwordChanged", u.password == null ? null : time(u.created));
    m.put("type", Map.of("id", "oty1ro5ter0000000000"));
    m.put("profile", new LinkedHashMap<>(u.profile));
    m.put(
        "credentials",
        Map.of("password", Map.of(), "provider", Map.of("type", "OKTA", "name", "OKTA")));
    m.put("_links", Map.of("self", Map.of("href", baseUrl + "/api/v1/users/" + u.id)));
    return m;
  }

  Map<String, Object> json(Group g, String baseUrl) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id);
    m.put("created", time(g.created));
    m.put("lastUpdated", time(g.lastUpdated));
    m.put("lastMembershipUpdated", time(g.lastMembershipUpdated));
    m.put("objectClass", List.of("okta:user_group"));
    m.put("type", g.type);
    m.put("profile", Map.of("name", g.name, "description", g.name + " (fake Okta)"));
    m.put("_links", Map.of("self", Map.of("href", baseUrl + "/api/v1/groups/" + g.id)));
    return m;
  }

  private String id(String prefix) {
    seq++;
    return prefix + String.format("Ro5%014d", seq);
  }
}
