package org.roster.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.roster.domain.identity.User;

/** Users and their direct group memberships. Every method joins the caller's transaction. */
public interface UserStore {

  /**
   * Streams every user a profile synced (DELETED ones included), in no particular order, without
   * loading them all at once.
   */
  void forEachKnown(UUID profileId, Consumer<KnownUser> consumer);

  /** The users with these ids; missing ids are left out. */
  List<User> findByIds(Collection<UUID> ids);

  /** The users a profile synced with these external ids (DELETED ones included). */
  List<User> findByExternalIds(UUID profileId, Collection<String> externalIds);

  /**
   * Users of any origin, not DELETED, whose login key ({@link User#loginKey}) is one of these.
   */
  List<User> findByLoginKeys(Collection<String> loginKeys);

  Optional<User> find(UUID id);

  /** The non-DELETED user with this login (case-insensitive), if any. */
  Optional<User> findByLogin(String login);

  /** Inserts new users in batches. */
  void insertAll(Collection<User> users);

  /** Updates users by id in batches (every column but id and createdAt). */
  void updateAll(Collection<User> users);

  /** Users matching the query, by login. */
  Page<User> search(UserQuery query, PageRequest page);

  /**
   * BLOCKED users in the order they were blocked (first-come), then by id, at most {@code limit}.
   */
  List<User> blockedQueue(int limit);

  /** A page of the BLOCKED users in the release queue's order: first blocked first, then by id. */
  Page<User> blocked(PageRequest page);

  /** How many users hold a licence seat. */
  int countSeats();

  /** How many users of this profile are not DELETED. */
  int countLive(UUID profileId);

  /** The direct group ids of each of these users (users without groups are absent). */
  Map<UUID, Set<UUID>> groupIdsOf(Collection<UUID> userIds);

  /** Adds memberships; adding one that exists is harmless. */
  void addMemberships(Collection<Membership> memberships);

  /**
   * Inserts memberships of users created in the caller's transaction, which cannot have any yet:
   * no duplicate check, the fastest path (the first sync of a big directory writes most of its
   * rows here).
   */
  void insertMemberships(Collection<Membership> memberships);

  void removeMemberships(Collection<Membership> memberships);

  /** The ids of the direct members of a group. */
  List<UUID> memberIds(UUID groupId);
}
