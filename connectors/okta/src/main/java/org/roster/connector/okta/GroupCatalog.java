package org.roster.connector.okta;

import com.okta.sdk.resource.model.Group;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile's groups, read once per run with the scope's search ({@code GET /api/v1/groups}).
 * Okta groups are flat: no group is a member of another, so {@code parentGroupIds} is empty.
 */
final class GroupCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCatalog.class);

  /** A group of the profile, with the times it and its membership last changed. */
  record Entry(String id, String name, Instant lastUpdated, Instant lastMembershipUpdated) {
    SourceGroup toSource() {
      return new SourceGroup(id, name, location(id), Set.of());
    }
  }

  private final Map<String, Entry> groups;
  private final List<RejectedEntry> rejected;
  private final List<String> missing;

  private GroupCatalog(
      Map<String, Entry> groups, List<RejectedEntry> rejected, List<String> missing) {
    this.groups = Collections.unmodifiableMap(groups);
    this.rejected = List.copyOf(rejected);
    this.missing = List.copyOf(missing);
  }

  /** Where a group is read: its resource path. */
  static String location(String groupId) {
    return "/api/v1/groups/" + groupId;
  }

  /** Lists the profile's groups (paged); groups without an id or a name become rejections. */
  static GroupCatalog read(Session session) {
    GroupScope scope = session.settings().groups();
    String search = scope.search();
    Map<String, Entry> groups = new LinkedHashMap<>();
    List<RejectedEntry> rejected = new ArrayList<>();
    int limit = session.settings().pageSize();
    Pages.forEach(
        session,
        "read groups",
        "GET /api/v1/groups",
        after -> session.groups().listGroups(null, null, after, limit, null, search, null, null),
        g -> {
          String name = g.getProfile() == null ? null : g.getProfile().getName();
          if (g.getId() == null || g.getId().isBlank()) {
            rejected.add(
                new RejectedEntry(EntryKind.GROUP, "/api/v1/groups", Optional.empty(), "no id"));
          } else if (name == null || name.isBlank()) {
            rejected.add(
                new RejectedEntry(
                    EntryKind.GROUP,
                    location(g.getId()),
                    Optional.of(g.getId()),
                    "the group has no name"));
          } else {
            groups.put(g.getId(), entry(g, name.strip()));
          }
          return true;
        });
    List<String> missing = missing(scope, groups.values());
    if (!missing.isEmpty()) {
      LOG.warn(
          "Profile {}: groups listed in 'groups' not found in Okta: {}",
          session.context().profileId(),
          missing);
    }
    return new GroupCatalog(groups, rejected, missing);
  }

  /** The group as an entry; empty when it has no id or no name (a search leaves it out). */
  static Optional<Entry> entryOf(Group g) {
    String name = g.getProfile() == null ? null : g.getProfile().getName();
    if (g.getId() == null || g.getId().isBlank() || name == null || name.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(entry(g, name.strip()));
  }

  private static Entry entry(Group g, String name) {
    return new Entry(
        g.getId(), name, instant(g.getLastUpdated()), instant(g.getLastMembershipUpdated()));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? Instant.EPOCH : time.toInstant();
  }

  private static List<String> missing(GroupScope scope, Collection<Entry> found) {
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    found.forEach(
        e -> {
          ids.add(e.id());
          names.add(e.name().toLowerCase(Locale.ROOT));
        });
    List<String> missing = new ArrayList<>();
    scope.ids().stream().filter(id -> !ids.contains(id)).forEach(missing::add);
    scope.names().stream()
        .filter(n -> !names.contains(n.toLowerCase(Locale.ROOT)))
        .forEach(missing::add);
    return missing;
  }

  List<Entry> groups() {
    return List.copyOf(groups.values());
  }

  Set<String> ids() {
    return groups.keySet();
  }

  boolean contains(String groupId) {
    return groups.containsKey(groupId);
  }

  int size() {
    return groups.size();
  }

  /** Groups without an id or a name. */
  List<RejectedEntry> rejected() {
    return rejected;
  }

  /** Groups listed in {@code groups} that Okta does not have. */
  List<String> missing() {
    return missing;
  }
}
