package org.roster.connector.azure.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a delta query answers, from the directory's change log, the way Graph documents it: new
 * objects in full (their selected properties), changed ones as their id with the changed selected
 * properties only, deleted ones as their id with {@code @removed}; for groups with {@code members}
 * selected, {@code members@delta} lists members added and removed (with {@code @removed}). The
 * first round (no token) lists every object in full with all its members.
 */
final class DeltaFeed {
  static final ObjectMapper JSON = new ObjectMapper();

  private DeltaFeed() {}

  /**
   * The changes of one type after {@code from} up to {@code to}; every object when {@code from} is
   * negative.
   */
  static List<ObjectNode> changes(
      FakeDirectory directory, String type, long from, long to, Set<String> select) {
    if (from < 0) {
      List<ObjectNode> all = new ArrayList<>();
      directory.objects(type).forEach((id, p) -> all.add(full(directory, type, id, p, select)));
      return all;
    }
    List<FakeDirectory.Event> log = directory.events(from, to);
    Map<String, List<FakeDirectory.Event>> byId = new LinkedHashMap<>();
    log.stream()
        .filter(e -> e.type().equals(type))
        .forEach(e -> byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e));
    List<ObjectNode> out = new ArrayList<>();
    byId.forEach((id, events) -> changed(directory, type, id, events, select).ifPresent(out::add));
    return out;
  }

  private static Optional<ObjectNode> changed(
      FakeDirectory directory,
      String type,
      String id,
      List<FakeDirectory.Event> events,
      Set<String> select) {
    boolean created = events.get(0).change() == FakeDirectory.Change.CREATED;
    Optional<Map<String, Object>> now = directory.object(type, id);
    if (now.isEmpty()) {
      if (created) {
        return Optional.empty();
      }
      ObjectNode removed = JSON.createObjectNode().put("id", id);
      removed.putObject("@removed").put("reason", "deleted");
      return Optional.of(removed);
    }
    if (created) {
      return Optional.of(full(directory, type, id, now.get(), select));
    }
    ObjectNode node = JSON.createObjectNode().put("id", id);
    Set<String> changed = new LinkedHashSet<>();
    events.stream()
        .filter(e -> e.change() == FakeDirectory.Change.UPDATED)
        .forEach(e -> changed.addAll(e.properties()));
    for (String property : changed) {
      if (select.isEmpty() || select.contains(property)) {
        node.set(property, JSON.valueToTree(now.get().get(property)));
      }
    }
    if (type.equals(FakeDirectory.GROUP) && selectsMembers(select)) {
      ArrayNode members = JSON.createArrayNode();
      Set<String> touched = new LinkedHashSet<>();
      events.stream().filter(e -> e.memberId() != null).forEach(e -> touched.add(e.memberId()));
      Set<String> current = directory.members(id);
      for (String member : touched) {
        boolean before = FakeDirectory.memberBefore(events, id, member);
        if (before != current.contains(member)) {
          ObjectNode entry = member(directory, member);
          if (before) {
            entry.putObject("@removed").put("reason", "deleted");
          }
          members.add(entry);
        }
      }
      if (!members.isEmpty()) {
        node.set("members@delta", members);
      }
    }
    return node.size() > 1 ? Optional.of(node) : Optional.empty();
  }

  private static ObjectNode full(
      FakeDirectory directory,
      String type,
      String id,
      Map<String, Object> properties,
      Set<String> select) {
    ObjectNode node = GraphHandler.entity(properties, select);
    if (type.equals(FakeDirectory.GROUP) && selectsMembers(select)) {
      ArrayNode members = node.putArray("members@delta");
      directory.members(id).forEach(m -> members.add(member(directory, m)));
    }
    return node;
  }

  private static ObjectNode member(FakeDirectory directory, String id) {
    return JSON.createObjectNode().put("@odata.type", directory.typeOf(id)).put("id", id);
  }

  private static boolean selectsMembers(Set<String> select) {
    return select.isEmpty() || select.contains("members");
  }
}
