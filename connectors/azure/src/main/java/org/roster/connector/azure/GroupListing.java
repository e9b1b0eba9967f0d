package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;

/**
 * The groups a profile synchronizes, read from {@code /groups} with the groups filter and picked by
 * the {@code groups} setting: id to display name, in Graph's order. A group without a display name
 * cannot be a Roster group and is rejected.
 *
 * @param names group id to display name
 * @param rejected groups that could not be read
 */
record GroupListing(Map<String, String> names, List<RejectedEntry> rejected) {

  GroupListing {
    names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    rejected = List.copyOf(rejected);
  }

  static GroupListing read(Session session) {
    AzureSettings settings = session.settings();
    String url =
        session
            .query("/groups")
            .select(List.of("id", "displayName"))
            .top(999)
            .filter(settings.groups().filter().map(ODataFilter::odata))
            .build();
    BiPredicate<String, String> selected = settings.groups().selector();
    Map<String, String> names = new LinkedHashMap<>();
    List<RejectedEntry> rejected = new ArrayList<>();
    Pages.read(
        session.graph(),
        "read groups",
        url,
        group -> {
          String id = group.path("id").asText("");
          String name = text(group, "displayName");
          if (name.isEmpty()) {
            rejected.add(
                new RejectedEntry(
                    EntryKind.GROUP, location(id), Optional.of(id), "has no displayName"));
          } else if (selected.test(id, name)) {
            names.put(id, name);
          }
          return true;
        });
    return new GroupListing(names, rejected);
  }

  boolean contains(String groupId) {
    return names.containsKey(groupId);
  }

  /** Where a group is read: its Graph path. */
  static String location(String groupId) {
    return "/groups/" + groupId;
  }

  private static String text(JsonNode node, String property) {
    JsonNode value = node.path(property);
    return value.isTextual() ? value.asText().strip() : "";
  }
}
