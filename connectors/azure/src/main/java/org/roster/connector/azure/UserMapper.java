package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceUser;

/**
 * Turns a Graph user into a {@link SourceUser}: the object id, the mapped login and fields, {@code
 * accountEnabled} and the Graph path {@code /users/{id}} as the location. A user without the login
 * property is rejected with a reason naming it.
 */
final class UserMapper {
  private final GraphMapping mapping;

  UserMapper(GraphMapping mapping) {
    this.mapping = mapping;
  }

  /** What a user read selects: {@code id}, {@code accountEnabled} and the mapped properties. */
  Set<String> select() {
    Set<String> out = new LinkedHashSet<>();
    out.add("id");
    out.add("accountEnabled");
    out.addAll(mapping.properties());
    return out;
  }

  /** Why the user cannot be read, if it cannot. */
  Optional<RejectedEntry> rejection(JsonNode user) {
    String id = user.path("id").asText("");
    if (id.isBlank()) {
      return Optional.of(
          new RejectedEntry(EntryKind.USER, "/users", Optional.empty(), "a user without an id"));
    }
    if (mapping.login(user).isEmpty()) {
      return Optional.of(
          new RejectedEntry(
              EntryKind.USER,
              location(id),
              Optional.of(id),
              "has no " + mapping.loginProperties() + " (mapped to the login)"));
    }
    return Optional.empty();
  }

  /** The user, which has no {@link #rejection}, in these groups. */
  SourceUser user(JsonNode user, Set<String> groupIds) {
    String id = user.path("id").asText();
    JsonNode enabled = user.path("accountEnabled");
    return new SourceUser(
        id,
        mapping.login(user).orElseThrow(),
        location(id),
        !enabled.isBoolean() || enabled.asBoolean(),
        mapping.fields(user),
        groupIds);
  }

  /** Where a user is read: its Graph path. */
  static String location(String userId) {
    return "/users/" + userId;
  }
}
