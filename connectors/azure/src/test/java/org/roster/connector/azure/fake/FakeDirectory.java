package org.roster.connector.azure.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The fake tenant's users, groups and memberships, with a change log that delta queries are
 * answered from. Objects are property maps as Graph shows them ({@code userPrincipalName}, {@code
 * accountEnabled}, {@code businessPhones} as a list, ...). Thread-safe.
 */
public final class FakeDirectory {
  /** Graph's {@code @odata.type} of users. */
  public static final String USER = "#microsoft.graph.user";

  /** Graph's {@code @odata.type} of groups. */
  public static final String GROUP = "#microsoft.graph.group";

  /** What happened to an object. */
  enum Change {
    CREATED,
    UPDATED,
    DELETED,
    MEMBER_ADDED,
    MEMBER_REMOVED
  }

  /** One entry of the change log. */
  record Event(
      long seq, String type, String id, Change change, Set<String> properties, String memberId) {}

  private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Map<String, String> typeOf = new HashMap<>();
  private final List<Event> events = new ArrayList<>();
  private long seq;

  /** A person's usual properties: UPN and mail at contoso.example, names, enabled. */
  public static Map<String, Object> person(String login, String givenName, String surname) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("userPrincipalName", login + "@contoso.example");
    p.put("mail", login + "@contoso.example");
    p.put("givenName", givenName);
    p.put("surname", surname);
    p.put("displayName", givenName + " " + surname);
    p.put("accountEnabled", true);
    p.put("businessPhones", List.of());
    return p;
  }

  /** Adds a user; its id is {@code properties.id} or a new GUID. */
  public synchronized String addUser(Map<String, Object> properties) {
    return add(USER, users, properties);
  }

  /** Changes some of a user's properties; a null value removes one. */
  public synchronized void updateUser(String id, Map<String, ?> changes) {
    update(USER, users, id, changes);
  }

  /** Deletes a user; it leaves its groups without membership changes being logged. */
  public synchronized void deleteUser(String id) {
    delete(USER, users, id);
  }

  /** Adds a group with a display name and other properties ({@code securityEnabled}, ...). */
  public synchronized String addGroup(String displayName, Map<String, ?> properties) {
    Map<String, Object> p = new LinkedHashMap<>(properties);
    p.put("displayName", displayName);
    p.putIfAbsent("securityEnabled", true);
    p.putIfAbsent("mailEnabled", false);
    p.putIfAbsent("groupTypes", List.of());
    String id = add(GROUP, groups, p);
    members.put(id, new LinkedHashSet<>());
    return id;
  }

  /** Changes some of a group's properties; a null value removes one. */
  public synchronized void updateGroup(String id, Map<String, ?> changes) {
    update(GROUP, groups, id, changes);
  }

  /** Deletes a group; its members leave it without membership changes being logged. */
  public synchronized void deleteGroup(String id) {
    delete(GROUP, groups, id);
    members.remove(id);
  }

  /** Makes a user or a group a direct member of a group. */
  public synchronized void addMember(String groupId, String memberId) {
    Set<String> of = requireGroup(groupId);
    if (!users.containsKey(memberId) && !groups.containsKey(memberId)) {
      throw new IllegalArgumentException("no user or group " + memberId);
    }
    if (of.add(memberId)) {
      log(GROUP, groupId, Change.MEMBER_ADDED, Set.of(), memberId);
    }
  }

  /** Takes a direct member out of a group. */
  public synchronized void removeMember(String groupId, String memberId) {
    if (requireGroup(groupId).remove(memberId)) {
      log(GROUP, groupId, Change.MEMBER_REMOVED, Set.of(), memberId);
    }
  }

  /** The user's properties as they are now. */
  public synchronized Optional<Map<String, Object>> user(String id) {
    return Optional.ofNullable(users.get(id)).map(LinkedHashMap::new);
  }

  public synchronized List<String> userIds() {
    return new ArrayList<>(users.keySet());
  }

  public synchronized List<String> groupIds() {
    return new ArrayList<>(groups.keySet());
  }

  /** The group's direct members, users and groups. */
  public synchronized Set<String> members(String groupId) {
    return new LinkedHashSet<>(requireGroup(groupId));
  }

  synchronized long sequence() {
    return seq;
  }

  synchronized Map<String, Map<String, Object>> objects(String type) {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    (type.equals(USER) ? users : groups).forEach((id, p) -> copy.put(id, new LinkedHashMap<>(p)));
    return copy;
  }

  synchronized Optional<Map<String, Object>> object(String type, String id) {
    return Optional.ofNullable((type.equals(USER) ? users : groups).get(id))
        .map(LinkedHashMap::new);
  }

  synchronized String typeOf(String id) {
    return typeOf.get(id);
  }

  /** Direct members, or all members below (groups included) when transitive. */
  synchronized List<String> membersOf(String groupId, boolean transitive) {
    if (!groups.containsKey(groupId)) {
      return null;
    }
    if (!transitive) {
      return new ArrayList<>(members.get(groupId));
    }
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(members.get(groupId));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next) && groups.containsKey(next)) {
        todo.addAll(members.get(next));
      }
    }
    seen.remove(groupId);
    return new ArrayList<>(seen);
  }

  /** Groups the object is a direct member of, or all groups above when transitive. */
  synchronized List<String> memberOf(String id, boolean transitive) {
    if (!users.containsKey(id) && !groups.containsKey(id)) {
      return null;
    }
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(directParents(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next) && transitive) {
        todo.addAll(directParents(next));
      }
    }
    seen.remove(id);
    return new ArrayList<>(seen);
  }

  private List<String> directParents(String id) {
    List<String> out = new ArrayList<>();
    members.forEach(
        (group, of) -> {
          if (of.contains(id)) {
            out.add(group);
          }
        });
    return out;
  }

  /** The log after {@code from}, up to and including {@code to}. */
  synchronized List<Event> events(long from, long to) {
    return events.stream().filter(e -> e.seq() > from && e.seq() <= to).toList();
  }

  /** True when the member was in the group just before the first of these events about it. */
  static boolean memberBefore(List<Event> log, String groupId, String memberId) {
    for (Event e : log) {
      if (e.id().equals(groupId) && Objects.equals(e.memberId(), memberId)) {
        return e.change() == Change.MEMBER_REMOVED;
      }
    }
    return false;
  }

  private String add(String type, Map<String, Map<String, Object>> into, Map<String, ?> props) {
    Map<String, Object> p = new LinkedHashMap<>(props);
    String id = String.valueOf(p.computeIfAbsent("id", k -> UUID.randomUUID().toString()));
    if (users.containsKey(id) || groups.containsKey(id)) {
      throw new IllegalArgumentException("id " + id + " exists");
    }
    into.put(id, p);
    typeOf.put(id, type);
    log(type, id, Change.CREATED, p.keySet(), null);
    return id;
  }

  private void update(
      String type, Map<String, Map<String, Object>> in, String id, Map<String, ?> changes) {
    Map<String, Object> p = in.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no such object " + id);
    }
    Set<String> changed = new LinkedHashSet<>();
    changes.forEach(
        (k, v) -> {
          if (!Objects.equals(p.get(k), v)) {
            changed.add(k);
            if (v == null) {
              p.remove(k);
            } else {
              p.put(k, v);
            }
          }
        });
    if (!changed.isEmpty()) {
      log(type, id, Change.UPDATED, changed, null);
    }
  }

  private void delete(String type, Map<String, Map<String, Object>> in, String id) {
    if (in.remove(id) == null) {
      throw new IllegalArgumentException("no such object " + id);
    }
    members.values().forEach(of -> of.remove(id));
    log(type, id, Change.DELETED, Set.of(), null);
  }

  private Set<String> requireGroup(String groupId) {
    Set<String> of = members.get(groupId);
    if (of == null) {
      throw new IllegalArgumentException("no group " + groupId);
    }
    return of;
  }

  private void log(String type, String id, Change change, Set<String> props, String memberId) {
    events.add(new Event(++seq, type, id, change, Set.copyOf(props), memberId));
  }
}
