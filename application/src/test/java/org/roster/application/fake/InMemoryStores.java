package org.roster.application.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.KnownUser;
import org.roster.application.port.out.LicenceStore;
import org.roster.application.port.out.Membership;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.ProfileState;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.RoleAssignment;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.RunStore;
import org.roster.application.port.out.ScheduleSlot;
import org.roster.application.port.out.ScheduleStore;
import org.roster.application.port.out.UserQuery;
import org.roster.application.port.out.UserStore;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.role.Role;
import org.roster.domain.sync.Exclusions;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/** In-memory fakes of every outbound port, over one {@link InMemoryDatabase}. */
public final class InMemoryStores {
  public final InMemoryDatabase db = new InMemoryDatabase();
  public final Users users = new Users();
  public final Groups groups = new Groups();
  public final Roles roles = new Roles();
  public final Licences licences = new Licences();
  public final Excl exclusions = new Excl();
  public final Profiles profiles = new Profiles();
  public final Audit audit = new Audit();
  public final Runs runs = new Runs();
  public final Admins admins = new Admins();
  public final Credentials credentials = new Credentials();
  public final Imports imports = new Imports();
  public final Schedules schedules = new Schedules();

  static <T> Page<T> page(List<T> all, PageRequest p) {
    int from = (int) Math.min(all.size(), p.offset());
    return new Page<>(all.subList(from, Math.min(all.size(), from + p.size())), all.size(), p.page(), p.size());
  }

  public final class Users implements UserStore {
    public void forEachKnown(UUID profileId, Consumer<KnownUser> c) {
      db.users.values().stream().filter(u -> profileId.equals(u.profileId()))
          .forEach(u -> c.accept(new KnownUser(u.id(), u.externalId(), u.status(), u.sourceHash())));
    }

    public List<User> findByIds(Collection<UUID> ids) {
      return ids.stream().map(db.users::get).filter(u -> u != null).toList();
    }

    public List<User> findByExternalIds(UUID profileId, Collection<String> ids) {
      return db.users.values().stream()
          .filter(u -> profileId.equals(u.profileId()) && ids.contains(u.externalId())).toList();
    }

    public List<User> findByLoginKeys(Collection<String> keys) {
      return db.users.values().stream()
          .filter(u -> u.status() != UserStatus.DELETED && keys.contains(u.loginKey())).toList();
    }

    public Optional<User> find(UUID id) {
      return Optional.ofNullable(db.users.get(id));
    }

    public Optional<User> findByLogin(String login) {
      return findByLoginKeys(List.of(User.loginKey(login))).stream().findFirst();
    }

    public void insertAll(Collection<User> us) {
      for (User u : us) {
        if (db.users.containsKey(u.id())) {
          throw new IllegalStateException("duplicate id " + u.id());
        }
        db.users.put(u.id(), u);
      }
    }

    public void updateAll(Collection<User> us) {
      us.forEach(u -> db.users.put(u.id(), u));
    }

    public Page<User> search(UserQuery q, PageRequest p) {
      Stream<User> s = db.users.values().stream();
      if (q.text() != null) {
        String t = q.text().toLowerCase(Locale.ROOT);
        s = s.filter(u -> u.loginKey().contains(t)
            || String.valueOf(u.attribute("email")).toLowerCase(Locale.ROOT).contains(t)
            || String.valueOf(u.attribute("displayName")).toLowerCase(Locale.ROOT).contains(t));
      }
      if (q.status() != null) {
        s = s.filter(u -> u.status() == q.status());
      }
      if (q.profileId() != null) {
        s = s.filter(u -> q.profileId().equals(u.profileId()));
      }
      if (q.groupId() != null) {
        s = s.filter(u -> db.memberships.getOrDefault(u.id(), Set.of()).contains(q.groupId()));
      }
      if (q.roleId() != null) {
        s = s.filter(u -> db.assignments.stream()
            .anyMatch(a -> a.userId().equals(u.id()) && a.roleId().equals(q.roleId())));
      }
      if (q.local() != null) {
        s = s.filter(u -> u.synced() != q.local());
      }
      return page(s.sorted(Comparator.comparing(User::loginKey)).toList(), p);
    }

    public List<User> blockedQueue(int limit) {
      return db.users.values().stream().filter(u -> u.status() == UserStatus.BLOCKED)
          .sorted(Comparator.comparing(User::blockedSince).thenComparing(User::id)).limit(limit).toList();
    }

    public Page<User> blocked(PageRequest p) {
      return page(blockedQueue(Integer.MAX_VALUE), p);
    }

    public int countSeats() {
      return (int) db.users.values().stream().filter(User::seat).count();
    }

    public int countLive(UUID profileId) {
      return (int) db.users.values().stream()
          .filter(u -> profileId.equals(u.profileId()) && u.status() != UserStatus.DELETED).count();
    }

    public Map<UUID, Set<UUID>> groupIdsOf(Collection<UUID> ids) {
      Map<UUID, Set<UUID>> out = new HashMap<>();
      ids.forEach(id -> {
        Set<UUID> g = db.memberships.get(id);
        if (g != null && !g.isEmpty()) {
          out.put(id, Set.copyOf(g));
        }
      });
      return out;
    }

    public void addMemberships(Collection<Membership> ms) {
      ms.forEach(m -> db.memberships.computeIfAbsent(m.userId(), k -> new HashSet<>()).add(m.groupId()));
    }

    public void insertMemberships(Collection<Membership> ms) {
      for (Membership m : ms) {
        if (!db.memberships.computeIfAbsent(m.userId(), k -> new HashSet<>()).add(m.groupId())) {
          throw new IllegalStateException("membership exists: " + m);
        }
      }
    }

    public void removeMemberships(Collection<Membership> ms) {
      ms.forEach(m -> db.memberships.getOrDefault(m.userId(), new HashSet<>()).remove(m.groupId()));
    }

    public List<UUID> memberIds(UUID groupId) {
      return db.memberships.entrySet().stream().filter(e -> e.getValue().contains(groupId))
          .map(Map.Entry::getKey).toList();
    }
  }

  public final class Groups implements GroupStore {
    public List<Group> findByProfile(UUID profileId) {
      return db.groups.values().stream().filter(g -> g.profileId().equals(profileId)).toList();
    }

    public Optional<Group> find(UUID id) {
      return Optional.ofNullable(db.groups.get(id));
    }

    public List<Group> findByIds(Collection<UUID> ids) {
      return ids.stream().map(db.groups::get).filter(g -> g != null).toList();
    }

    public void insertAll(Collection<Group> gs) {
      gs.forEach(g -> db.groups.put(g.id(), g));
    }

    public void updateAll(Collection<Group> gs) {
      gs.forEach(g -> db.groups.put(g.id(), g));
    }

    public Page<Group> search(org.roster.application.port.out.GroupQuery q, PageRequest p) {
      String text = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
      return page(db.groups.values().stream()
          .filter(g -> text == null || g.name().toLowerCase(Locale.ROOT).contains(text))
          .filter(g -> q.profileId() == null || g.profileId().equals(q.profileId()))
          .filter(g -> q.includeDeleted() || !g.deleted())
          .sorted(Comparator.comparing((Group g) -> g.name().toLowerCase(Locale.ROOT)).thenComparing(Group::id))
          .toList(), p);
    }

    public Map<UUID, Integer> memberCounts(Collection<UUID> groupIds) {
      Map<UUID, Integer> out = new HashMap<>();
      db.memberships.values().forEach(gs -> gs.stream().filter(groupIds::contains)
          .forEach(g -> out.merge(g, 1, Integer::sum)));
      return out;
    }
  }

  public final class Roles implements RoleStore {
    public List<Role> all() {
      return db.roles.values().stream()
          .sorted(Comparator.comparing(Role::name).thenComparing(Role::id)).toList();
    }

    public Optional<Role> find(UUID id) {
      return Optional.ofNullable(db.roles.get(id));
    }

    public void save(Role r) {
      db.roles.put(r.id(), r);
    }

    public void delete(UUID id) {
      db.roles.remove(id);
      db.assignments.removeIf(a -> a.roleId().equals(id));
    }

    public List<Role> boundTo(Collection<UUID> groupIds) {
      return all().stream().filter(r -> r.boundGroupIds().stream().anyMatch(groupIds::contains)).toList();
    }

    public int countHolders(UUID roleId) {
      return (int) db.assignments.stream().filter(a -> a.roleId().equals(roleId)).count();
    }

    public Map<UUID, Set<UUID>> syncedRoleIdsOf(Collection<UUID> ids) {
      Map<UUID, Set<UUID>> out = new HashMap<>();
      db.assignments.stream().filter(a -> a.bySync() && ids.contains(a.userId()))
          .forEach(a -> out.computeIfAbsent(a.userId(), k -> new HashSet<>()).add(a.roleId()));
      return out;
    }

    public List<RoleAssignment> assignmentsOf(UUID userId) {
      return db.assignments.stream().filter(a -> a.userId().equals(userId)).toList();
    }

    public void addAssignments(Collection<RoleAssignment> as) {
      for (RoleAssignment a : as) {
        boolean exists = db.assignments.stream().anyMatch(x -> x.userId().equals(a.userId()) && x.roleId().equals(a.roleId()));
        if (!exists) {
          db.assignments.add(a);
        }
      }
    }

    public void removeSyncedAssignments(Collection<RoleAssignment> as) {
      as.forEach(a -> db.assignments.remove(new RoleAssignment(a.userId(), a.roleId(), true)));
    }
  }

  public final class Licences implements LicenceStore {
    public LicencePool lockPool() {
      return db.seatLimit == null ? LicencePool.unlimited(0) : pool();
    }

    public LicencePool pool() {
      return new LicencePool(db.seatLimit, users.countSeats());
    }

    public void setLimit(Optional<Integer> limit) {
      db.seatLimit = limit.orElse(null);
    }
  }

  public final class Excl implements ExclusionStore {
    public Exclusions load() {
      Set<UUID> u = new HashSet<>(), g = new HashSet<>(), r = new HashSet<>();
      for (org.roster.application.port.out.Exclusion e : db.exclusions.values()) {
        (e.objectType().equals("USER") ? u : e.objectType().equals("GROUP") ? g : r).add(e.objectId());
      }
      return new Exclusions(u, g, r);
    }

    /** Excludes an object now, by a test. */
    public void add(String type, UUID id) {
      add(new org.roster.application.port.out.Exclusion(type, id, Instant.now(), "test"));
    }

    public boolean add(org.roster.application.port.out.Exclusion e) {
      return db.exclusions.putIfAbsent(e.objectType() + ":" + e.objectId(), e) == null;
    }

    public Optional<org.roster.application.port.out.Exclusion> find(String type, UUID id) {
      return Optional.ofNullable(db.exclusions.get(type + ":" + id));
    }

    public boolean remove(String type, UUID id) {
      return db.exclusions.remove(type + ":" + id) != null;
    }

    public Page<org.roster.application.port.out.Exclusion> list(String type, PageRequest p) {
      List<org.roster.application.port.out.Exclusion> all = new ArrayList<>(db.exclusions.values());
      java.util.Collections.reverse(all);
      return page(all.stream().filter(e -> type == null || e.objectType().equals(type)).toList(), p);
    }
  }

  /** Import selections; kept outside the snapshot like run history (written before a run). */
  public static final class Imports implements org.roster.application.port.out.ImportStore {
    public final Map<UUID, org.roster.application.port.out.ImportSelection> selections =
        new java.util.concurrent.ConcurrentHashMap<>();

    public void save(org.roster.application.port.out.ImportSelection s) {
      selections.put(s.runId(), s);
    }

    public Optional<org.roster.application.port.out.ImportSelection> find(UUID runId) {
      return Optional.ofNullable(selections.get(runId));
    }
  }

  public final class Credentials implements org.roster.application.port.out.CredentialStore {
    public Optional<String> passwordHash(UUID userId) {
      return Optional.ofNullable(db.passwords.get(userId));
    }

    public void savePasswordHash(UUID userId, String hash, Instant changedAt) {
      db.passwords.put(userId, hash);
    }

    public void remove(UUID userId) {
      db.passwords.remove(userId);
    }
  }

  public final class Profiles implements ProfileStore {
    public void save(Profile p) {
      db.profiles.put(p.id(), p);
    }

    public Optional<Profile> find(UUID id) {
      return Optional.ofNullable(db.profiles.get(id));
    }

    public Optional<Profile> findByName(String name) {
      return db.profiles.values().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<Profile> list() {
      return db.profiles.values().stream().sorted(Comparator.comparing(Profile::name)).toList();
    }

    public void delete(UUID id) {
      db.profiles.remove(id);
    }

    public ProfileState state(UUID profileId) {
      return db.states.getOrDefault(profileId, ProfileState.empty(profileId));
    }

    public void saveState(ProfileState s) {
      db.states.put(s.profileId(), s);
    }
  }

  public final class Audit implements AuditStore {
    /** Events committed in their own transaction (survive a rollback). */
    public final List<AuditEvent> committed = new ArrayList<>();

    public void appendAll(Collection<AuditEvent> es) {
      db.audit.addAll(es);
    }

    public synchronized void appendNow(Collection<AuditEvent> es) {
      committed.addAll(es);
    }

    public List<AuditEvent> all() {
      List<AuditEvent> all = new ArrayList<>(db.audit);
      all.addAll(committed);
      all.sort(Comparator.comparing(AuditEvent::at));
      return all;
    }

    public Page<AuditEvent> search(AuditQuery q, PageRequest p) {
      List<AuditEvent> all = new ArrayList<>(matching(q));
      java.util.Collections.reverse(all);
      return page(all, p);
    }

    public void export(AuditQuery q, Consumer<AuditEvent> c) {
      matching(q).forEach(c);
    }

    private List<AuditEvent> matching(AuditQuery q) {
      return all().stream()
          .filter(e -> q.from() == null || !e.at().isBefore(q.from()))
          .filter(e -> q.to() == null || e.at().isBefore(q.to()))
          .filter(e -> q.category() == null || e.category() == q.category())
          .filter(e -> q.runId() == null || q.runId().equals(e.runId()))
          .filter(e -> q.user() == null || e.objectName().toLowerCase(Locale.ROOT).contains(q.user().toLowerCase(Locale.ROOT))
              || e.actor().toLowerCase(Locale.ROOT).contains(q.user().toLowerCase(Locale.ROOT)))
          .toList();
    }
  }

  public static final class Runs implements RunStore {
    public final Map<UUID, SyncRun> runs = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<RunEntry> report = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<UUID, Object[]> leases = new HashMap<>(); // profile → {runId, node, expiry}

    public void create(SyncRun r) {
      runs.put(r.id(), r);
    }

    public void update(SyncRun r) {
      runs.put(r.id(), r);
    }

    public Optional<SyncRun> find(UUID id) {
      return Optional.ofNullable(runs.get(id));
    }

    public Page<SyncRun> list(UUID profileId, PageRequest p) {
      return page(runs.values().stream().filter(r -> profileId == null || r.profileId().equals(profileId))
          .sorted(Comparator.comparing(SyncRun::requestedAt).reversed()).toList(), p);
    }

    public Optional<SyncRun> pending(UUID profileId) {
      return runs.values().stream().filter(r -> r.profileId().equals(profileId))
          .filter(r -> r.status().active() || r.status() == RunStatus.NEEDS_CONFIRMATION)
          .max(Comparator.comparing(SyncRun::requestedAt));
    }

    public void appendReport(Collection<RunEntry> es) {
      report.addAll(es);
    }

    public void clearReport(UUID runId) {
      report.removeIf(e -> e.runId().equals(runId));
    }

    public Page<RunEntry> report(UUID runId, PageRequest p) {
      synchronized (report) {
        return page(report.stream().filter(e -> e.runId().equals(runId)).toList(), p);
      }
    }

    public synchronized boolean claim(UUID profileId, UUID runId, String node, Instant now, Duration lease) {
      Object[] l = leases.get(profileId);
      if (l != null && ((Instant) l[2]).isAfter(now) && !l[0].equals(runId)) {
        return false;
      }
      leases.put(profileId, new Object[] {runId, node, now.plus(lease)});
      return true;
    }

    public synchronized boolean renew(UUID profileId, UUID runId, Instant now, Duration lease) {
      Object[] l = leases.get(profileId);
      if (l == null || !l[0].equals(runId)) {
        return false;
      }
      l[2] = now.plus(lease);
      return true;
    }

    public synchronized void release(UUID profileId, UUID runId) {
      Object[] l = leases.get(profileId);
      if (l != null && l[0].equals(runId)) {
        leases.remove(profileId);
      }
    }

    public synchronized List<SyncRun> abortOrphans(String node, Instant now, String reason) {
      return abort(node, now, reason);
    }

    public synchronized List<SyncRun> abortExpired(Instant now, String reason) {
      return abort(null, now, reason);
    }

    /** Aborts active runs without a live lease, or whose lease {@code node} holds. */
    private List<SyncRun> abort(String node, Instant now, String reason) {
      List<SyncRun> out = new ArrayList<>();
      for (SyncRun r : List.copyOf(runs.values())) {
        if (!r.status().active()) {
          continue;
        }
        Object[] l = leases.get(r.profileId());
        boolean orphan = l == null || !l[0].equals(r.id()) || l[1].equals(node) || ((Instant) l[2]).isBefore(now);
        if (orphan) {
          SyncRun a = r.ended(RunStatus.ABORTED, r.counts(), reason, now);
          runs.put(r.id(), a);
          out.add(a);
          if (l != null && l[0].equals(r.id())) {
            leases.remove(r.profileId());
          }
        }
      }
      return out;
    }
  }

  /** Schedule slots; {@link #claim} is a compare-and-set like the database's. */
  public static final class Schedules implements ScheduleStore {
    public final Map<UUID, ScheduleSlot> slots = new java.util.concurrent.ConcurrentHashMap<>();

    public synchronized void plan(UUID profileId, Instant nextRunAt) {
      ScheduleSlot s = find(profileId);
      slots.put(profileId, new ScheduleSlot(profileId, nextRunAt, s.lastRunAt(), s.lastRunId()));
    }

    public ScheduleSlot find(UUID profileId) {
      return slots.getOrDefault(profileId, ScheduleSlot.none(profileId));
    }

    public List<ScheduleSlot> all() {
      return List.copyOf(slots.values());
    }

    public List<ScheduleSlot> due(Instant now) {
      return slots.values().stream()
          .filter(s -> s.nextRunAt() != null && !s.nextRunAt().isAfter(now))
          .sorted(Comparator.comparing(ScheduleSlot::nextRunAt)).toList();
    }

    public synchronized boolean claim(UUID profileId, Instant due, Instant next) {
      ScheduleSlot s = slots.get(profileId);
      if (s == null || !due.equals(s.nextRunAt())) {
        return false;
      }
      slots.put(profileId, new ScheduleSlot(profileId, next, s.lastRunAt(), s.lastRunId()));
      return true;
    }

    public synchronized void started(UUID profileId, UUID runId, Instant at) {
      ScheduleSlot s = find(profileId);
      slots.put(profileId, new ScheduleSlot(profileId, s.nextRunAt(), at, runId));
    }

    public void forget(UUID profileId) {
      slots.remove(profileId);
    }
  }

  public final class Admins implements AdminAccountStore {
    public Optional<AdminAccount> find(String login) {
      return Optional.ofNullable(db.admins.get(login));
    }

    public void save(AdminAccount a) {
      db.admins.put(a.login(), a);
    }

    public List<AdminAccount> list() {
      return db.admins.values().stream().sorted(Comparator.comparing(AdminAccount::login)).toList();
    }

    public List<AdminAccount> lockAll() {
      return list();
    }

    public boolean delete(String login) {
      return db.admins.remove(login) != null;
    }
  }
}
