package org.roster.connector.okta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullReconcile;
import org.roster.connector.api.SyncToken;

/**
 * Reads the changes of one kind since a token, by {@code lastUpdated} less {@code overlapSeconds}
 * (Okta's search index is eventually consistent and timestamps may be skewed; reading an entry
 * twice is harmless):
 *
 * <ul>
 *   <li>groups: the profile's groups are listed whole (they are few, and only the whole list tells
 *       which were deleted): new groups and those whose {@code lastUpdated} is after the watermark
 *       are emitted; groups in the token but no longer listed are reported deleted; for new groups
 *       and those whose {@code lastMembershipUpdated} is after the watermark, the complete current
 *       members ({@link ChangeSink#members}), from which the engine finds the members who left and
 *       reads them again ({@code readUsers});
 *   <li>users: see {@link UserChanges}.
 * </ul>
 *
 * Users that vanish without passing through DEPROVISIONED (deleted at once) are not seen: the
 * periodic full reconcile finds them ({@code fullReconcileHours}).
 */
final class ChangeReader {
  /** The timestamp format of Okta's search expressions. */
  static final DateTimeFormatter OKTA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Session session;
  private final OktaSettings settings;

  ChangeReader(Session session) {
    this.session = session;
    this.settings = session.settings();
  }

  /** A token whose watermark and full run are now; taken before a full read. */
  SyncToken currentToken() {
    GroupCatalog catalog = session.catalog();
    return new OktaToken(
            scope(settings),
            session.watermark(),
            session.context().clock().instant(),
            catalog.ids())
        .toSyncToken();
  }

  SyncToken read(EntryKind kind, SyncToken since, ChangeSink sink) {
    OktaToken token = OktaToken.parse(since, scope(settings));
    FullReconcile.requireNotDue(token.fullRun(), settings.fullReconcile(),
        session.context().clock().instant());
    Instant from = token.watermark().minus(settings.overlap());
    GroupCatalog catalog = session.catalog();
    if (kind == EntryKind.GROUP) {
      groups(token, from, catalog, sink);
    } else {
      new UserChanges(session, catalog, membershipChanged(token, from, catalog), from, sink).read();
    }
    return token.next(session.watermark(), catalog.ids()).toSyncToken();
  }

  private boolean groups(OktaToken token, Instant from, GroupCatalog catalog, ChangeSink sink) {
    for (String id : token.groupIds()) {
      if (!catalog.contains(id) && !sink.deleted(EntryKind.GROUP, id)) {
        return false;
      }
    }
    Set<String> membershipChanged = membershipChanged(token, from, catalog);
    for (GroupCatalog.Entry g : catalog.groups()) {
      boolean changed = !token.groupIds().contains(g.id()) || g.lastUpdated().isAfter(from);
      if (changed && !sink.accept(g.toSource())) {
        return false;
      }
      if (membershipChanged.contains(g.id()) && !sink.members(g.id(), members(g))) {
        return false;
      }
    }
    return true;
  }

  /** The current members of a group, but the DEPROVISIONED. */
  private Set<String> members(GroupCatalog.Entry group) {
    Set<String> ids = new HashSet<>();
    int limit = settings.pageSize();
    Pages.forEach(
        session,
        "read members of group " + group.name(),
        "GET /api/v1/groups/" + group.id() + "/users",
        after -> session.groups().listGroupUsers(group.id(), after, limit),
        user -> {
          if (user.getId() != null && !UserStatuses.deleted(user.getStatus())) {
            ids.add(user.getId());
          }
          return true;
        });
    return ids;
  }

  /** Groups that are new since the token or whose membership changed after {@code from}. */
  private static Set<String> membershipChanged(
      OktaToken token, Instant from, GroupCatalog catalog) {
    Set<String> ids = new HashSet<>();
    for (GroupCatalog.Entry g : catalog.groups()) {
      if (!token.groupIds().contains(g.id()) || g.lastMembershipUpdated().isAfter(from)) {
        ids.add(g.id());
      }
    }
    return ids;
  }

  /** A short digest of what decides a token's meaning: the org and the profile's scope. */
  static String scope(OktaSettings settings) {
    String text =
        settings.orgUrl()
            + "\n"
            + settings.groups().search()
            + "\n"
            + settings.usersFilter().map(OktaExpression::search).orElse("");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
