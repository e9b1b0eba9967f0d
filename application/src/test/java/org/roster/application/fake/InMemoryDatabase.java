package org.roster.application.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.roster.application.port.out.ProfileState;
import org.roster.application.port.out.RoleAssignment;
import org.roster.application.port.out.Transactions;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.role.Role;
import org.roster.domain.sync.Profile;

/**
 * The tables an in-memory store keeps, with transactions by snapshot: a rollback restores the
 * tables as they were when the transaction began. Run history lives outside (own transactions).
 */
public final class InMemoryDatabase implements Transactions {
  public Map<UUID, Profile> profiles = new LinkedHashMap<>();
  public Map<UUID, ProfileState> states = new HashMap<>();
  public Map<UUID, User> users = new LinkedHashMap<>();
  public Map<UUID, Set<UUID>> memberships = new HashMap<>();
  public Map<UUID, Group> groups = new LinkedHashMap<>();
  public Map<UUID, Role> roles = new LinkedHashMap<>();
  public Set<RoleAssignment> assignments = new HashSet<>();
  public Integer seatLimit;
  /** Exclusions by "TYPE:id", in the order they were added. */
  public Map<String, org.roster.application.port.out.Exclusion> exclusions = new LinkedHashMap<>();
  public List<AuditEvent> audit = new ArrayList<>();
  public Map<String, AdminAccount> admins = new HashMap<>();
  /** Local users' password hashes by user id. */
  public Map<UUID, String> passwords = new HashMap<>();
  private int depth;
  private volatile Thread owner;

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    Thread me = Thread.currentThread();
    if (owner != null && owner != me) {
      return work.apply(() -> {}); // another thread reads (the engine loads known users aside)
    }
    owner = me;
    try {
      return run(work);
    } finally {
      if (depth == 0) {
        owner = null;
      }
    }
  }

  private <T> T run(Function<Tx, T> work) {
    if (depth > 0) {
      depth++;
      try {
        return work.apply(() -> {});
      } finally {
        depth--;
      }
    }
    InMemoryDatabase snapshot = copy();
    boolean[] rollback = {false};
    depth = 1;
    try {
      T result = work.apply(() -> rollback[0] = true);
      if (rollback[0]) {
        restore(snapshot);
      }
      return result;
    } catch (RuntimeException e) {
      restore(snapshot);
      throw e;
    } finally {
      depth = 0;
    }
  }

  private InMemoryDatabase copy() {
    InMemoryDatabase c = new InMemoryDatabase();
    c.profiles = new LinkedHashMap<>(profiles);
    c.states = new HashMap<>(states);
    c.users = new LinkedHashMap<>(users);
    memberships.forEach((k, v) -> c.memberships.put(k, new HashSet<>(v)));
    c.groups = new LinkedHashMap<>(groups);
    c.roles = new LinkedHashMap<>(roles);
    c.assignments = new HashSet<>(assignments);
    c.seatLimit = seatLimit;
    c.exclusions = new LinkedHashMap<>(exclusions);
    c.audit = new ArrayList<>(audit);
    c.admins = new HashMap<>(admins);
    c.passwords = new HashMap<>(passwords);
    return c;
  }

  private void restore(InMemoryDatabase s) {
    profiles = s.profiles;
    states = s.states;
    users = s.users;
    memberships = s.memberships;
    groups = s.groups;
    roles = s.roles;
    assignments = s.assignments;
    seatLimit = s.seatLimit;
    exclusions = s.exclusions;
    audit = s.audit;
    admins = s.admins;
    passwords = s.passwords;
  }
}
