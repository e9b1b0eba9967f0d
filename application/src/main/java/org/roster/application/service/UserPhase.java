package org.roster.application.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.roster.application.port.out.KnownUser;
import org.roster.application.port.out.RoleStore;
import org.roster.application.port.out.UserStore;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceUser;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryFilter;
import org.roster.domain.sync.EntryOutcome;

/**
 * Applies the users a run reads, as a stream: an entry whose fingerprint is unchanged costs a map
 * lookup; the others are gathered into batches that are read from and written to the store
 * together. A failing entry fails alone.
 */
final class UserPhase {
  static final int BATCH = 1000;

  private final RunContext ctx;
  private final UserStore users;
  private final RoleStore roles;
  private final UserDecider decider;
  private final UserWriter writer;
  private final List<EntryFilter> include;
  private final List<EntryFilter> exclude;
  private final List<PendingUser> pending = new ArrayList<>();
  /** The profile's known users while they are still loading; null once installed (or not needed). */
  private KnownUsers known;
  /** Entries read while the known users were loading, in order (at most {@link #MAX_WAITING}). */
  private final List<Object> waiting = new ArrayList<>();
  private static final int MAX_WAITING = 20_000;
  /** External ids an incremental read returned (a full read uses the context's unseen map). */
  private final Set<String> readThisRun = new HashSet<>();

  UserPhase(RunContext ctx, UserStore users, RoleStore roles, KnownUsers known) {
    this.ctx = ctx;
    this.known = known;
    this.users = users;
    this.roles = roles;
    this.decider = new UserDecider(ctx);
    this.writer = new UserWriter(ctx, users, roles);
    this.include = ctx.profile.policy().includeRules().stream()
        .map(f -> EntryFilter.parse(f, "includeRules")).toList();
    this.exclude = ctx.profile.policy().excludeRules().stream()
        .map(f -> EntryFilter.parse(f, "excludeRules")).toList();
  }

  /** Takes one entry from the source. */
  void accept(SourceUser user) {
    ctx.counts.read();
    if (!waitingForKnown(user)) {
      process(user);
    }
  }

  /** Takes an entry the source could not read: it fails alone and, if its id is known, stays. */
  void reject(RejectedEntry rejected) {
    ctx.counts.read();
    if (!waitingForKnown(rejected)) {
      processRejected(rejected);
    }
  }

  /** Keeps the entry for later while the known users load, unless too many are waiting already. */
  private boolean waitingForKnown(Object entry) {
    if (known == null) {
      return false;
    }
    if (!known.ready() && waiting.size() < MAX_WAITING) {
      waiting.add(entry);
      return true;
    }
    installKnown();
    return false;
  }

  private void installKnown() {
    Map<String, KnownUser> loaded = known.get();
    if (ctx.unseen.isEmpty()) {
      ctx.unseen = loaded; // 100,000 entries are not copied for nothing
    } else {
      ctx.unseen.putAll(loaded);
    }
    known = null;
    ctx.liveUsersAtStart = (int) ctx.unseen.values().stream()
        .filter(k -> k.status() != UserStatus.DELETED).count();
    for (Object o : waiting) {
      if (o instanceof SourceUser u) {
        process(u);
      } else {
        processRejected((RejectedEntry) o);
      }
    }
    waiting.clear();
  }

  private void process(SourceUser user) {
    if (!inRules(user)) {
      // outside the rules = not part of the snapshot: a known user stays unseen and is deleted
      if (!ctx.unseen.containsKey(user.externalId())) {
        ctx.userOutcome(EntryOutcome.SKIPPED, user.externalId(), user.login(), user.location(),
            "outside the profile's inclusion/exclusion rules");
      }
      return;
    }
    String hash = SourceHash.of(user);
    if (!ctx.full) {
      readThisRun.add(user.externalId());
    }
    if (ctx.full) {
      KnownUser known = ctx.unseen.remove(user.externalId());
      if (known != null && unchanged(known.status(), known.sourceHash(), hash)) {
        ctx.counts.add(EntryOutcome.UNCHANGED);
        return;
      }
    }
    // an incremental read looks its few entries up in the store when the batch is applied
    pending.add(new PendingUser(user, hash));
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  /** External ids an incremental read has returned so far. */
  Set<String> readThisRun() {
    return readThisRun;
  }

  private boolean unchanged(UserStatus status, String storedHash, String hash) {
    return !ctx.reevaluateAll && status != UserStatus.DELETED && hash.equals(storedHash);
  }

  private void processRejected(RejectedEntry rejected) {
    rejected.externalId().ifPresent(ctx.unseen::remove);
    ctx.userOutcome(EntryOutcome.FAILED, rejected.externalId().orElse(null), null,
        rejected.location(), rejected.reason());
  }

  /** Applies what is pending (and, at the end of a read, what waited for the known users). */
  void flush() {
    if (known != null) {
      installKnown();
    }
    if (pending.isEmpty()) {
      return;
    }
    Map<String, User> existing = index(users.findByExternalIds(ctx.profile.id(),
        pending.stream().map(p -> p.source().externalId()).toList()), User::externalId);
    if (!ctx.full) {
      pending.removeIf(p -> {
        User old = existing.get(p.source().externalId());
        boolean same = old != null && unchanged(old.status(), old.sourceHash(), p.hash());
        if (same) {
          ctx.counts.add(EntryOutcome.UNCHANGED);
        }
        return same;
      });
    }
    List<UUID> knownIds = existing.values().stream().map(User::id).toList();
    Map<UUID, Set<UUID>> groupsOf = knownIds.isEmpty() ? Map.of() : users.groupIdsOf(knownIds);
    Map<UUID, Set<UUID>> rolesOf = knownIds.isEmpty() ? Map.of() : roles.syncedRoleIdsOf(knownIds);
    Set<String> loginKeys = new HashSet<>();
    for (PendingUser p : pending) {
      User old = existing.get(p.source().externalId());
      String key = User.loginKey(p.source().login());
      if (old == null || !old.loginKey().equals(key)) {
        loginKeys.add(key);
      }
    }
    Map<String, User> byLogin = index(users.findByLoginKeys(loginKeys), User::loginKey);
    List<UserChange> changes = new ArrayList<>();
    Map<String, String> loginsThisBatch = new HashMap<>();
    for (PendingUser p : pending) {
      User old = existing.get(p.source().externalId());
      UserChange c;
      try {
        c = decider.decide(p, old,
            old == null ? Set.of() : groupsOf.getOrDefault(old.id(), Set.of()),
            old == null ? Set.of() : rolesOf.getOrDefault(old.id(), Set.of()),
            byLogin, loginsThisBatch);
      } catch (IllegalArgumentException e) {
        // data the domain refuses (a value it cannot hold) fails this entry alone
        ctx.userOutcome(EntryOutcome.FAILED, p.source().externalId(), p.source().login(),
            p.source().location(), e.getMessage());
        continue;
      }
      if (c != null) {
        changes.add(c);
      }
    }
    writer.write(changes);
    pending.clear();
  }

  private boolean inRules(SourceUser u) {
    if (include.isEmpty() && exclude.isEmpty()) {
      return true;
    }
    Function<String, String> fields = name -> switch (name) {
      case "login", "username" -> u.login();
      case "externalId", "id" -> u.externalId();
      case "status" -> u.enabled() ? "active" : "disabled";
      default -> u.attribute(name);
    };
    return include.stream().allMatch(f -> f.matches(fields))
        && exclude.stream().noneMatch(f -> f.matches(fields));
  }

  static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
    Map<K, V> out = new HashMap<>();
    values.forEach(v -> out.put(key.apply(v), v));
    return out;
  }
}
