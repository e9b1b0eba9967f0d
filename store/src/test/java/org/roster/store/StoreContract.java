package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roster.store.TestData.BULK_INSTANTS;
import static org.roster.store.TestData.BULK_TRICKY;
import static org.roster.store.TestData.T0;
import static org.roster.store.TestData.TRICKY;
import static org.roster.store.TestData.at;
import static org.roster.store.TestData.event;
import static org.roster.store.TestData.group;
import static org.roster.store.TestData.local;
import static org.roster.store.TestData.nth;
import static org.roster.store.TestData.user;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.application.port.out.ApiTokenStore;
import org.roster.application.port.out.AuditQuery;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.CredentialStore;
import org.roster.application.port.out.Exclusion;
import org.roster.application.port.out.ExclusionStore;
import org.roster.application.port.out.GroupQuery;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.ImportSelection;
import org.roster.application.port.out.ImportStore;
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
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserQuery;
import org.roster.application.port.out.UserStore;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;
import org.roster.domain.identity.ApiToken;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.Exclusions;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;

/**
 * What every database Roster supports must do with the store: one subclass per database, the same
 * tests. Each test starts from empty tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class StoreContract {
  private static final List<String> TABLES =
      List.of(
          "profile",
          "profile_state",
          "app_user",
          "grp",
          "group_parent",
          "user_group",
          "role",
          "role_group",
          "user_role",
          "exclusion",
          "audit_event",
          "sync_run",
          "run_entry",
          "profile_lease",
          "admin_account",
          "local_password",
          "import_selection",
          "schedule_slot",
          "api_token");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private ApplicationContext context;
  private TransactionOperations<Connection> jdbc;
  Transactions transactions;
  ProfileStore profiles;
  UserStore users;
  GroupStore groups;
  RoleStore roles;
  LicenceStore licences;
  ExclusionStore exclusions;
  AuditStore audit;
  RunStore runs;
  AdminAccountStore admins;
  ImportStore imports;
  CredentialStore credentials;
  ScheduleStore schedules;
  ApiTokenStore apiTokens;
  Jdbc storeJdbc;
  BulkInsert bulk;

  /** The {@code datasources.default.*} properties of a fresh database to test on. */
  protected abstract Map<String, Object> datasource();

  /** Whether bulk inserts on this database use COPY. */
  protected abstract boolean copies();

  @BeforeAll
  @SuppressWarnings("unchecked")
  void startContext() {
    context = ApplicationContext.run(datasource(), "test");
    jdbc = context.getBean(TransactionOperations.class);
    transactions = context.getBean(Transactions.class);
    profiles = context.getBean(ProfileStore.class);
    users = context.getBean(UserStore.class);
    groups = context.getBean(GroupStore.class);
    roles = context.getBean(RoleStore.class);
    licences = context.getBean(LicenceStore.class);
    exclusions = context.getBean(ExclusionStore.class);
    audit = context.getBean(AuditStore.class);
    runs = context.getBean(RunStore.class);
    admins = context.getBean(AdminAccountStore.class);
    credentials = context.getBean(CredentialStore.class);
    imports = context.getBean(ImportStore.class);
    schedules = context.getBean(ScheduleStore.class);
    apiTokens = context.getBean(ApiTokenStore.class);
    storeJdbc = context.getBean(Jdbc.class);
    bulk = context.getBean(BulkInsert.class);
  }

  @AfterAll
  void stopContext() {
    if (context != null) {
      context.close();
    }
  }

  @BeforeEach
  void emptyTables() {
    jdbc.executeWrite(
        s -> {
          try (Statement statement = s.getConnection().createStatement()) {
            for (String table : TABLES) {
              statement.execute("DELETE FROM " + table);
            }
            statement.execute("UPDATE licence_pool SET seat_limit = NULL");
          }
          return null;
        });
  }

  /** A number read with plain SQL, bypassing the stores. */
  long count(String sql, Object... params) {
    return jdbc.executeRead(
        s -> {
          try (PreparedStatement ps = s.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Runs {@code work} on another thread: no transaction of the caller's, another connection. */
  static <T> T elsewhere(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("work on another thread failed", e);
    }
  }

  /**
   * Runs {@code sql} on another thread in a transaction left open until {@code commit} is counted
   * down; returns once the statement ran.
   */
  private CompletableFuture<Void> inOpenTransaction(
      CountDownLatch commit, String sql, Object... params) throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    CompletableFuture<Void> tx =
        CompletableFuture.runAsync(
            () ->
                jdbc.executeWrite(
                    s -> {
                      try (PreparedStatement ps = s.getConnection().prepareStatement(sql)) {
                        for (int i = 0; i < params.length; i++) {
                          ps.setObject(i + 1, params[i]);
                        }
                        assertThat(ps.executeUpdate()).isEqualTo(1);
                      }
                      ran.countDown();
                      commit.await(30, TimeUnit.SECONDS);
                      return null;
                    }));
    assertThat(ran.await(30, TimeUnit.SECONDS)).as("the rival claim ran").isTrue();
    return tx;
  }

  @Nested
  class Schema {
    @Test
    void flywayAppliedTheMigrations() {
      assertThat(
              count("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success"))
          .isEqualTo(1);
      assertThat(count("SELECT count(*) FROM licence_pool")).isEqualTo(1);
      assertThat(
              count("SELECT count(*) FROM flyway_schema_history WHERE version = '2' AND success"))
          .as("V2, the schedules")
          .isEqualTo(1);
    }
  }

  @Nested
  class Profiles {
    @Test
    void keepsEverySettingAndPolicyField() {
      Profile p = TestData.profile("Corp AD ✓");
      profiles.save(p);

      Profile found = profiles.find(p.id()).orElseThrow();
      assertThat(found).isEqualTo(p);
      assertThat(found.settings().get("pageSize")).isEqualTo(500);
      assertThat(profiles.findByName("Corp AD ✓")).contains(p);
    }

    @Test
    void keepsEveryKindOfScheduleAndItsModeAndClearsIt() {
      for (ProfileSchedule schedule : TestData.SCHEDULES) {
        Profile p = TestData.profile("scheduled " + schedule, schedule);
        profiles.save(p);
        assertThat(profiles.find(p.id())).contains(p);
        assertThat(profiles.find(p.id()).orElseThrow().schedule()).isEqualTo(schedule);
      }
      Profile p = TestData.profile("once scheduled", TestData.SCHEDULES.get(0));
      profiles.save(p);
      Profile manual =
          new Profile(
              p.id(),
              p.name(),
              p.type(),
              p.settings(),
              p.policy(),
              p.enabled(),
              p.createdAt(),
              at(5),
              null);
      profiles.save(manual);
      assertThat(profiles.find(p.id()).orElseThrow().schedule()).isNull();
      assertThat(profiles.list()).contains(manual);
    }

    @Test
    void saveUpdatesByIdAndListIsByName() {
      Profile b = TestData.profile("b");
      Profile a = TestData.profile("a");
      profiles.save(b);
      profiles.save(a);
      Profile renamed =
          new Profile(
              b.id(),
              "c",
              "csv",
              Map.of("folder", "/in"),
              b.policy(),
              false,
              b.createdAt(),
              at(99));
      profiles.save(renamed);

      assertThat(profiles.list()).containsExactly(a, renamed);
    }

    @Test
    void deleteKeepsUsersAndRunsAndForgetsTheState() {
      Profile p = TestData.profile("gone");
      profiles.save(p);
      profiles.saveState(new ProfileState(p.id(), "usn:42", "fp", T0));
      users.insertAll(List.of(user(p.id(), "kept")));
      runs.create(TestData.run(p.id(), T0));

      profiles.delete(p.id());

      assertThat(profiles.find(p.id())).isEmpty();
      assertThat(profiles.state(p.id())).isEqualTo(ProfileState.empty(p.id()));
      assertThat(users.countLive(p.id())).isEqualTo(1);
      assertThat(runs.list(p.id(), PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void stateIsEmptyBeforeTheFirstRunThenSavedAndReplaced() {
      UUID id = UUID.randomUUID();
      assertThat(profiles.state(id)).isEqualTo(ProfileState.empty(id));

      profiles.saveState(new ProfileState(id, "token " + TRICKY, "fp1", T0));
      assertThat(profiles.state(id)).isEqualTo(new ProfileState(id, "token " + TRICKY, "fp1", T0));

      profiles.saveState(new ProfileState(id, null, "fp2", null));
      assertThat(profiles.state(id)).isEqualTo(new ProfileState(id, null, "fp2", null));
    }
  }

  @Nested
  class Users {
    @Test
    void keepEveryField() {
      UUID profile = UUID.randomUUID();
      User blocked =
          new User(
              UUID.randomUUID(),
              profile,
              "guid-1",
              "Zoë.O'Brien",
              UserStatus.BLOCKED,
              null,
              Map.of("email", "zoe@example.org", "title", TRICKY, "empty", ""),
              "cn=" + TRICKY,
              false,
              true,
              at(5),
              "h1",
              T0,
              at(6));
      User inactive =
          new User(
              UUID.randomUUID(),
              profile,
              "guid-2",
              "ina",
              UserStatus.INACTIVE,
              InactiveReason.OUT_OF_GROUPS,
              Map.of(),
              null,
              false,
              false,
              null,
              null,
              T0,
              T0);
      User localUser = local("owner");
      users.insertAll(List.of(blocked, inactive, localUser));

      assertThat(users.find(blocked.id())).contains(blocked);
      assertThat(users.find(inactive.id())).contains(inactive);
      assertThat(users.find(localUser.id())).contains(localUser);
      assertThat(users.find(UUID.randomUUID())).isEmpty();
      assertThat(users.findByIds(List.of(blocked.id(), localUser.id(), UUID.randomUUID())))
          .containsExactlyInAnyOrder(blocked, localUser);
    }

    @Test
    void forEachKnownStreamsEveryUserOfTheProfileDeletedOnesIncluded() {
      UUID profile = UUID.randomUUID();
      List<User> mine = IntStream.range(0, 2500).mapToObj(i -> user(profile, "u" + i)).toList();
      User deleted = user(profile, "gone").withStatus(UserStatus.DELETED, null, at(1));
      users.insertAll(mine);
      users.insertAll(List.of(deleted, user(UUID.randomUUID(), "other"), local("local")));

      Map<UUID, KnownUser> known = new HashMap<>();
      transactions.inTransaction(
          tx -> {
            users.forEachKnown(profile, k -> known.put(k.id(), k));
            return null;
          });

      assertThat(known).hasSize(2501);
      assertThat(known.get(mine.get(7).id()))
          .isEqualTo(new KnownUser(mine.get(7).id(), "ext-u7", UserStatus.ACTIVE, "hash-u7"));
      assertThat(known.get(deleted.id()).status()).isEqualTo(UserStatus.DELETED);
    }

    @Test
    void findByLoginKeysIgnoresCaseAndDeletedUsers() {
      UUID profile = UUID.randomUUID();
      User alice = user(profile, "Alice");
      User bob = local("BOB");
      User deletedCarol = user(profile, "carol").withStatus(UserStatus.DELETED, null, at(1));
      users.insertAll(List.of(alice, bob, deletedCarol));

      assertThat(users.findByLoginKeys(List.of("alice", "bob", "carol", "dave")))
          .containsExactlyInAnyOrder(alice, bob);
      assertThat(users.findByLogin("  aLiCe ")).contains(alice);
      assertThat(users.findByLogin("carol")).isEmpty();
      assertThat(users.findByLoginKeys(List.of())).isEmpty();
    }

    @Test
    void findByExternalIdsIsScopedToTheProfileAndKeepsDeletedUsers() {
      UUID profile = UUID.randomUUID();
      User alice = user(profile, "alice");
      User gone = user(profile, "gone").withStatus(UserStatus.DELETED, null, at(1));
      User elsewhere = user(UUID.randomUUID(), "other");
      users.insertAll(List.of(alice, gone, elsewhere));

      assertThat(users.findByExternalIds(profile,
              List.of(alice.externalId(), gone.externalId(), elsewhere.externalId(), "nope")))
          .containsExactlyInAnyOrder(alice, gone);
      assertThat(users.findByExternalIds(profile, List.of())).isEmpty();
    }

    @Test
    void insertAndUpdateFiveThousandInBatches() {
      UUID profile = UUID.randomUUID();
      List<User> created =
          IntStream.range(0, 5000).mapToObj(i -> user(profile, "user" + i)).toList();
      users.insertAll(created);
      List<User> changed =
          created.stream()
              .map(
                  u ->
                      u.withSource(
                              u.login() + ".new",
                              Map.of("email", "new-" + u.login()),
                              "ou=New",
                              "hash2",
                              at(10))
                          .withStatus(
                              UserStatus.INACTIVE, InactiveReason.DISABLED_IN_SOURCE, at(10))
                          .withSeat(false))
              .toList();
      users.updateAll(changed);

      assertThat(count("SELECT count(*) FROM app_user WHERE source_hash = 'hash2'"))
          .isEqualTo(5000);
      assertThat(users.findByIds(List.of(changed.get(0).id(), changed.get(4999).id())))
          .containsExactlyInAnyOrder(changed.get(0), changed.get(4999));
      assertThat(users.findByLogin("USER42.new")).contains(changed.get(42));
      assertThat(users.countSeats()).isZero();
      assertThat(users.countLive(profile)).isEqualTo(5000);
    }

    @Test
    void updateCanLinkALocalUserToASourceEntry() {
      User owner = local("owner");
      users.insertAll(List.of(owner));
      User linked = owner.linkedTo(UUID.randomUUID(), "guid-9", at(3));
      users.updateAll(List.of(linked));
      assertThat(users.find(owner.id())).contains(linked);
    }

    @Test
    void searchMatchesLoginEmailAndDisplayNameByLogin() {
      UUID profile = UUID.randomUUID();
      User ann =
          new User(
              UUID.randomUUID(),
              profile,
              "1",
              "ann",
              UserStatus.ACTIVE,
              null,
              Map.of("email", "Ann.Smith@Example.org", "displayName", "Ann 100%_Smith"),
              null,
              false,
              false,
              null,
              null,
              T0,
              T0);
      User bea = user(profile, "bea");
      User cid = local("cid_smith");
      User dan =
          user(UUID.randomUUID(), "dan")
              .withStatus(UserStatus.INACTIVE, InactiveReason.BY_ADMIN, T0);
      users.insertAll(List.of(dan, cid, bea, ann));

      assertThat(users.search(new UserQuery("SMITH", null, null), PageRequest.first(10)).items())
          .containsExactly(ann, cid);
      assertThat(users.search(new UserQuery("100%_", null, null), PageRequest.first(10)).items())
          .containsExactly(ann);
      assertThat(users.search(new UserQuery("0%x", null, null), PageRequest.first(10)).items())
          .isEmpty();
      assertThat(
              users
                  .search(new UserQuery(null, UserStatus.INACTIVE, null), PageRequest.first(10))
                  .items())
          .containsExactly(dan);
      assertThat(users.search(new UserQuery(null, null, profile), PageRequest.first(10)).items())
          .containsExactly(ann, bea);
      Page<User> second = users.search(UserQuery.ALL, new PageRequest(1, 3));
      assertThat(second.items()).containsExactly(dan);
      assertThat(second.total()).isEqualTo(4);
      assertThat(users.search(UserQuery.ALL, new PageRequest(5, 3)).items()).isEmpty();
    }

    @Test
    void searchFiltersByGroupRoleAndOrigin() {
      UUID profile = UUID.randomUUID();
      User ann = user(profile, "ann");
      User bob = user(profile, "bob");
      User owner = local("owner");
      users.insertAll(List.of(ann, bob, owner));
      UUID sales = UUID.randomUUID();
      UUID staff = UUID.randomUUID();
      users.addMemberships(
          List.of(
              new Membership(ann.id(), sales),
              new Membership(ann.id(), staff),
              new Membership(bob.id(), staff)));
      UUID seller = UUID.randomUUID();
      roles.addAssignments(
          List.of(
              new RoleAssignment(ann.id(), seller, true),
              new RoleAssignment(owner.id(), seller, false)));

      assertThat(search(new UserQuery(null, null, null, sales, null, null))).containsExactly(ann);
      assertThat(search(new UserQuery(null, null, null, staff, null, null)))
          .containsExactly(ann, bob);
      assertThat(search(new UserQuery(null, null, null, null, seller, null)))
          .containsExactly(ann, owner);
      assertThat(search(new UserQuery(null, null, null, staff, seller, null)))
          .containsExactly(ann);
      assertThat(search(new UserQuery(null, null, null, null, null, true))).containsExactly(owner);
      assertThat(search(new UserQuery(null, null, null, null, null, false)))
          .containsExactly(ann, bob);
      assertThat(search(new UserQuery("bo", null, profile, staff, null, false)))
          .containsExactly(bob);
    }

    private List<User> search(UserQuery query) {
      return users.search(query, PageRequest.first(10)).items();
    }

    @Test
    void blockedQueueIsFirstComeFirstServed() {
      UUID profile = UUID.randomUUID();
      User late = user(profile, "late").withStatus(UserStatus.BLOCKED, null, at(30));
      User early = user(profile, "early").withStatus(UserStatus.BLOCKED, null, at(10));
      User middle = user(profile, "middle").withStatus(UserStatus.BLOCKED, null, at(20));
      users.insertAll(List.of(late, early, middle, user(profile, "active")));

      assertThat(users.blockedQueue(10)).containsExactly(early, middle, late);
      assertThat(users.blockedQueue(2)).containsExactly(early, middle);
      Page<User> second = users.blocked(new PageRequest(1, 2));
      assertThat(second.items()).containsExactly(late);
      assertThat(second.total()).isEqualTo(3);
      assertThat(users.blocked(PageRequest.first(10)).items()).containsExactly(early, middle, late);
    }

    @Test
    void membershipsAreAddedListedAndRemoved() {
      UUID profile = UUID.randomUUID();
      User a = user(profile, "a");
      User b = user(profile, "b");
      users.insertAll(List.of(a, b));
      UUID g1 = UUID.randomUUID();
      UUID g2 = UUID.randomUUID();
      users.addMemberships(
          List.of(
              new Membership(a.id(), g1), new Membership(a.id(), g2), new Membership(b.id(), g1)));
      users.addMemberships(List.of(new Membership(a.id(), g1)));

      assertThat(users.groupIdsOf(List.of(a.id(), b.id(), UUID.randomUUID())))
          .isEqualTo(Map.of(a.id(), Set.of(g1, g2), b.id(), Set.of(g1)));
      assertThat(users.memberIds(g1)).containsExactlyInAnyOrder(a.id(), b.id());

      users.removeMemberships(List.of(new Membership(a.id(), g1), new Membership(b.id(), g2)));
      assertThat(users.groupIdsOf(List.of(a.id(), b.id())))
          .isEqualTo(Map.of(a.id(), Set.of(g2), b.id(), Set.of(g1)));
      assertThat(users.groupIdsOf(List.of())).isEmpty();
    }
  }

  @Nested
  class Groups {
    @Test
    void keepEveryFieldAndTheirParents() {
      UUID profile = UUID.randomUUID();
      Group root = group(profile, "Root");
      Group child = group(profile, "Child " + TRICKY, root.id());
      Group gone =
          new Group(
              UUID.randomUUID(),
              profile,
              "g-gone",
              "Gone",
              null,
              true,
              Set.of(root.id(), child.id()),
              at(4));
      groups.insertAll(List.of(root, child, gone));
      groups.insertAll(List.of(group(UUID.randomUUID(), "Other")));

      assertThat(groups.findByProfile(profile)).containsExactlyInAnyOrder(root, child, gone);
      assertThat(groups.find(child.id())).contains(child);
      assertThat(groups.findByIds(List.of(gone.id(), root.id())))
          .containsExactlyInAnyOrder(gone, root);
      assertThat(groups.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void updateRenamesMovesAndReparents() {
      UUID profile = UUID.randomUUID();
      Group a = group(profile, "A");
      Group b = group(profile, "B");
      Group c = group(profile, "C", a.id());
      groups.insertAll(List.of(a, b, c));

      Group moved = c.with("C2", "ou=Elsewhere", Set.of(b.id()), true, at(7));
      groups.updateAll(List.of(moved));

      assertThat(groups.find(c.id())).contains(moved);
      assertThat(groups.find(a.id())).contains(a);
    }

    @Test
    void searchByNameIgnoringCase() {
      UUID profile = UUID.randomUUID();
      Group sales = group(profile, "Sales");
      Group presales = group(profile, "presales", sales.id());
      Group it = group(profile, "IT");
      Group otherSales = group(UUID.randomUUID(), "SALES-2");
      groups.insertAll(List.of(sales, presales, it, otherSales));

      Page<Group> page = groups.search(new GroupQuery("SALES", null, true), PageRequest.first(2));
      assertThat(page.items()).containsExactly(presales, sales);
      assertThat(page.total()).isEqualTo(3);
      assertThat(groups.search(new GroupQuery("sales", profile, true), PageRequest.first(10)).items())
          .containsExactly(presales, sales);
      assertThat(groups.search(GroupQuery.ALL, new PageRequest(1, 3)).items())
          .containsExactly(otherSales);
    }

    @Test
    void searchLeavesDeletedGroupsOutUnlessAsked() {
      UUID profile = UUID.randomUUID();
      Group live = group(profile, "Live");
      Group gone = group(profile, "Gone").with("Gone", null, Set.of(), true, at(3));
      groups.insertAll(List.of(live, gone));

      assertThat(groups.search(new GroupQuery(null, profile, false), PageRequest.first(10)).items())
          .containsExactly(live);
      assertThat(groups.search(new GroupQuery(null, profile, true), PageRequest.first(10)).items())
          .containsExactly(gone, live);
    }

    @Test
    void countsDirectMembersPerGroup() {
      UUID profile = UUID.randomUUID();
      Group a = group(profile, "A");
      Group b = group(profile, "B");
      Group empty = group(profile, "Empty");
      groups.insertAll(List.of(a, b, empty));
      User u1 = user(profile, "u1");
      User u2 = user(profile, "u2");
      users.insertAll(List.of(u1, u2));
      users.addMemberships(
          List.of(
              new Membership(u1.id(), a.id()),
              new Membership(u2.id(), a.id()),
              new Membership(u2.id(), b.id())));

      assertThat(groups.memberCounts(List.of(a.id(), b.id(), empty.id())))
          .isEqualTo(Map.of(a.id(), 2, b.id(), 1));
      assertThat(groups.memberCounts(List.of())).isEmpty();
    }
  }

  @Nested
  class Roles {
    @Test
    void saveInsertsOrUpdatesAndFindsBoundRoles() {
      UUID groupId = UUID.randomUUID();
      UUID otherGroup = UUID.randomUUID();
      Role org = Role.unbound(UUID.randomUUID(), "Organisation", RoleKind.ORGANIZATIONAL, null);
      Role dept =
          new Role(UUID.randomUUID(), "Dept", RoleKind.ORGANIZATIONAL, org.id(), Set.of(groupId));
      Role fn = Role.unbound(UUID.randomUUID(), "Approver", RoleKind.FUNCTIONAL, null);
      roles.save(org);
      roles.save(dept);
      roles.save(fn);
      Role bound = fn.renamed("Approvers").boundTo(Set.of(groupId, otherGroup));
      roles.save(bound);

      assertThat(roles.all()).containsExactly(bound, dept, org);
      assertThat(roles.find(dept.id())).contains(dept);
      assertThat(roles.find(bound.id()).orElseThrow().boundGroupIds())
          .containsExactlyInAnyOrder(groupId, otherGroup);
      assertThat(roles.boundTo(List.of(groupId, UUID.randomUUID()))).containsExactly(bound, dept);
      assertThat(roles.boundTo(List.of(otherGroup)))
          .as("a role bound to several groups is found by any, with all its bindings")
          .containsExactly(bound);
      assertThat(roles.boundTo(List.of())).isEmpty();
      assertThat(roles.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void savingReplacesTheBindingsAndMovesTheRole() {
      UUID g1 = UUID.randomUUID();
      UUID g2 = UUID.randomUUID();
      Role org = Role.unbound(UUID.randomUUID(), "Org", RoleKind.ORGANIZATIONAL, null);
      Role other = Role.unbound(UUID.randomUUID(), "Other org", RoleKind.ORGANIZATIONAL, null);
      Role dept = new Role(UUID.randomUUID(), "Dept", RoleKind.ORGANIZATIONAL, org.id(), Set.of(g1));
      roles.save(org);
      roles.save(other);
      roles.save(dept);

      Role changed = dept.movedUnder(other.id()).boundTo(Set.of(g2));
      roles.save(changed);
      assertThat(roles.find(dept.id())).contains(changed);
      assertThat(roles.boundTo(List.of(g1))).isEmpty();

      roles.save(changed.boundTo(Set.of()));
      assertThat(roles.find(dept.id()).orElseThrow().bound()).isFalse();
      assertThat(count("SELECT count(*) FROM role_group")).isZero();
    }

    @Test
    void deleteTakesTheBindingsAndEveryAssignmentAlong() {
      UUID g = UUID.randomUUID();
      Role gone = new Role(UUID.randomUUID(), "Gone", RoleKind.FUNCTIONAL, null, Set.of(g));
      Role kept = new Role(UUID.randomUUID(), "Kept", RoleKind.FUNCTIONAL, null, Set.of(g));
      roles.save(gone);
      roles.save(kept);
      UUID u1 = UUID.randomUUID();
      UUID u2 = UUID.randomUUID();
      roles.addAssignments(
          List.of(
              new RoleAssignment(u1, gone.id(), true),
              new RoleAssignment(u2, gone.id(), false),
              new RoleAssignment(u1, kept.id(), false)));
      assertThat(roles.countHolders(gone.id())).isEqualTo(2);

      roles.delete(gone.id());
      roles.delete(UUID.randomUUID());

      assertThat(roles.all()).containsExactly(kept);
      assertThat(roles.countHolders(gone.id())).isZero();
      assertThat(roles.countHolders(kept.id())).isEqualTo(1);
      assertThat(roles.boundTo(List.of(g))).containsExactly(kept);
    }

    @Test
    void aSyncRemovesOnlyTheAssignmentsItGave() {
      UUID u1 = UUID.randomUUID();
      UUID u2 = UUID.randomUUID();
      UUID r1 = UUID.randomUUID();
      UUID r2 = UUID.randomUUID();
      roles.addAssignments(List.of(new RoleAssignment(u1, r1, false)));
      roles.addAssignments(
          List.of(
              new RoleAssignment(u1, r1, true),
              new RoleAssignment(u1, r2, true),
              new RoleAssignment(u2, r1, true)));

      assertThat(roles.assignmentsOf(u1))
          .containsExactlyInAnyOrder(
              new RoleAssignment(u1, r1, false), new RoleAssignment(u1, r2, true));
      assertThat(roles.syncedRoleIdsOf(List.of(u1, u2)))
          .isEqualTo(Map.of(u1, Set.of(r2), u2, Set.of(r1)));

      roles.removeSyncedAssignments(
          List.of(
              new RoleAssignment(u1, r1, true),
              new RoleAssignment(u1, r2, true),
              new RoleAssignment(u2, r1, true)));

      assertThat(roles.assignmentsOf(u1)).containsExactly(new RoleAssignment(u1, r1, false));
      assertThat(roles.assignmentsOf(u2)).isEmpty();
      assertThat(roles.syncedRoleIdsOf(List.of(u1, u2))).isEmpty();
    }
  }

  @Nested
  class Licences {
    @Test
    void poolCountsTheSeatsHeldAgainstTheLimit() {
      UUID profile = UUID.randomUUID();
      users.insertAll(
          List.of(user(profile, "a"), user(profile, "b"), user(profile, "c").withSeat(false)));
      assertThat(licences.pool()).isEqualTo(LicencePool.unlimited(2));

      licences.setLimit(Optional.of(5));
      LicencePool locked = transactions.inTransaction(tx -> licences.lockPool());
      assertThat(locked).isEqualTo(new LicencePool(5, 2));
      assertThat(users.countSeats()).isEqualTo(2);

      licences.setLimit(Optional.empty());
      assertThat(licences.pool()).isEqualTo(LicencePool.unlimited(2));
      LicencePool unlimitedLocked = transactions.inTransaction(tx -> licences.lockPool());
      assertThat(unlimitedLocked)
          .as("an unlimited pool needs no count to decide seats")
          .isEqualTo(LicencePool.unlimited(0));
    }

    @Test
    void lockPoolWaitsForAnotherTransactionHoldingIt() throws Exception {
      CountDownLatch locked = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Void> holder =
          CompletableFuture.runAsync(
              () ->
                  transactions.inTransaction(
                      tx -> {
                        licences.lockPool();
                        locked.countDown();
                        await(release);
                        return null;
                      }));
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<LicencePool> waiter =
          CompletableFuture.supplyAsync(
              () -> transactions.inTransaction(tx -> licences.lockPool()));
      Thread.sleep(300);
      assertThat(waiter).isNotDone();

      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
      assertThat(waiter.get(30, TimeUnit.SECONDS)).isEqualTo(LicencePool.unlimited(0));
    }

    private static void await(CountDownLatch latch) {
      try {
        latch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Nested
  class ExclusionsAndAdmins {
    @Test
    void exclusionsAreAddedOnceAndRemoved() {
      UUID user = UUID.randomUUID();
      UUID group = UUID.randomUUID();
      UUID role = UUID.randomUUID();
      assertThat(exclusions.add(new Exclusion("USER", user, T0, "admin:a"))).isTrue();
      assertThat(exclusions.add(new Exclusion("USER", user, at(9), "admin:b"))).isFalse();
      assertThat(exclusions.find("USER", user)).contains(new Exclusion("USER", user, T0, "admin:a"));
      assertThat(exclusions.find("GROUP", user)).isEmpty();
      exclusions.add(new Exclusion("GROUP", group, at(1), "admin:a"));
      exclusions.add(new Exclusion("ROLE", role, null, null));
      assertThat(exclusions.load())
          .isEqualTo(new Exclusions(Set.of(user), Set.of(group), Set.of(role)));

      assertThat(exclusions.remove("GROUP", group)).isTrue();
      assertThat(exclusions.remove("GROUP", group)).isFalse();
      assertThat(exclusions.load()).isEqualTo(new Exclusions(Set.of(user), Set.of(), Set.of(role)));
      assertThatThrownBy(() -> exclusions.remove("TEAM", user)).hasMessageContaining("objectType");
      assertThatThrownBy(() -> new Exclusion("TEAM", user, T0, "x")).hasMessageContaining("objectType");
    }

    @Test
    void exclusionsAreListedNewestFirstAndByType() {
      UUID u1 = UUID.randomUUID();
      UUID u2 = UUID.randomUUID();
      UUID g = UUID.randomUUID();
      UUID old = UUID.randomUUID();
      Exclusion first = new Exclusion("USER", u1, at(1), "admin:a");
      Exclusion second = new Exclusion("GROUP", g, at(2), "admin:b");
      Exclusion third = new Exclusion("USER", u2, at(3), "admin:a");
      Exclusion untimed = new Exclusion("ROLE", old, null, null);
      exclusions.add(untimed);
      exclusions.add(second);
      exclusions.add(third);
      exclusions.add(first);

      Page<Exclusion> all = exclusions.list(null, PageRequest.first(10));
      assertThat(all.items()).containsExactly(third, second, first, untimed);
      assertThat(all.total()).isEqualTo(4);
      assertThat(exclusions.list("USER", PageRequest.first(10)).items()).containsExactly(third, first);
      assertThat(exclusions.list(null, new PageRequest(1, 3)).items()).containsExactly(untimed);
    }

    @Test
    void adminAccountsAreSavedByLogin() {
      AdminAccount admin = new AdminAccount("admin", "pbkdf2$1$x", Set.of(AdminRole.SYSADMIN));
      AdminAccount ops =
          new AdminAccount(
              "ops", "pbkdf2$1$y", Set.of(AdminRole.SYNC_ADMIN, AdminRole.PEOPLE_ADMIN));
      admins.save(ops);
      admins.save(admin);
      AdminAccount changed = new AdminAccount("ops", "pbkdf2$2$z", Set.of());
      admins.save(changed);

      assertThat(admins.find("admin")).contains(admin);
      assertThat(admins.find("ops")).contains(changed);
      assertThat(admins.find("nobody")).isEmpty();
      assertThat(admins.list()).containsExactly(admin, changed);
    }

    @Test
    void adminAccountsAreDeletedAndLockedTogether() {
      AdminAccount a = new AdminAccount("a", "h", Set.of(AdminRole.SYSADMIN));
      AdminAccount b = new AdminAccount("b", "h", Set.of(AdminRole.PEOPLE_ADMIN));
      admins.save(b);
      admins.save(a);

      List<AdminAccount> locked = transactions.inTransaction(t -> admins.lockAll());
      assertThat(locked).containsExactly(a, b);
      assertThat(admins.delete("b")).isTrue();
      assertThat(admins.delete("b")).isFalse();
      assertThat(admins.list()).containsExactly(a);
    }

    @Test
    void lockAllMakesASecondCounterWait() throws Exception {
      admins.save(new AdminAccount("a", "h", Set.of(AdminRole.SYSADMIN)));
      CountDownLatch locked = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Void> holder = CompletableFuture.runAsync(() ->
          transactions.inTransaction(t -> {
            admins.lockAll();
            locked.countDown();
            awaitOn(release);
            admins.save(new AdminAccount("a", "h", Set.of(AdminRole.SYNC_ADMIN)));
            return null;
          }));
      awaitOn(locked);
      CompletableFuture<List<AdminAccount>> waiter = CompletableFuture.supplyAsync(() ->
          transactions.inTransaction(t -> admins.lockAll()));
      Thread.sleep(300);
      assertThat(waiter).as("waits for the first transaction").isNotDone();

      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
      assertThat(waiter.get(30, TimeUnit.SECONDS).get(0).roles())
          .containsExactly(AdminRole.SYNC_ADMIN);
    }

    private static void awaitOn(CountDownLatch latch) {
      try {
        latch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Nested
  class ApiTokens {
    private ApiToken token(String name, String owner, int second) {
      return new ApiToken(UUID.randomUUID(), name, owner,
          Set.of(AdminRole.SYNC_ADMIN, AdminRole.PEOPLE_ADMIN), "rst_AbCd", at(second),
          second % 2 == 0 ? null : at(second + 3600), null);
    }

    @Test
    void keepsEveryFieldAndIsFoundByItsHashOnly() {
      ApiToken t = token("prometheus", "ops", 1);
      apiTokens.insert(t, "a".repeat(64));

      assertThat(apiTokens.findByHash("a".repeat(64))).contains(t);
      assertThat(apiTokens.findByHash("b".repeat(64))).isEmpty();
      assertThat(apiTokens.find(t.id())).contains(t);
      assertThat(count("SELECT count(*) FROM api_token WHERE token_hash = ?", "a".repeat(64)))
          .isEqualTo(1);
    }

    @Test
    void aHashIsUnique() {
      apiTokens.insert(token("one", "ops", 1), "c".repeat(64));

      assertThatThrownBy(() -> apiTokens.insert(token("two", "ops", 2), "c".repeat(64)))
          .isInstanceOf(DataAccessException.class);
    }

    @Test
    void listsNewestFirstInPagesForOneOwnerOrAll() {
      ApiToken old = token("old", "ops", 1);
      ApiToken mid = token("mid", "root", 2);
      ApiToken last = token("new", "ops", 3);
      apiTokens.insert(old, "1".repeat(64));
      apiTokens.insert(mid, "2".repeat(64));
      apiTokens.insert(last, "3".repeat(64));

      Page<ApiToken> ops = apiTokens.list("ops", new PageRequest(0, 1));
      assertThat(ops.items()).containsExactly(last);
      assertThat(ops.total()).isEqualTo(2);
      assertThat(apiTokens.list("ops", new PageRequest(1, 1)).items()).containsExactly(old);
      assertThat(apiTokens.list(null, PageRequest.first(10)).items())
          .containsExactly(last, mid, old);
      assertThat(apiTokens.list("nobody", PageRequest.first(10)).total()).isZero();
    }

    @Test
    void touchesDeletesOneAndAllOfAnOwner() {
      ApiToken a = token("a", "ops", 1);
      ApiToken b = token("b", "ops", 2);
      ApiToken c = token("c", "root", 3);
      apiTokens.insert(a, "4".repeat(64));
      apiTokens.insert(b, "5".repeat(64));
      apiTokens.insert(c, "6".repeat(64));

      apiTokens.touch(c.id(), at(100));
      assertThat(apiTokens.find(c.id()).orElseThrow().lastUsedAt()).isEqualTo(at(100));
      assertThat(apiTokens.delete(c.id())).isTrue();
      assertThat(apiTokens.delete(c.id())).isFalse();
      assertThat(apiTokens.deleteByOwner("ops")).isEqualTo(2);
      assertThat(apiTokens.list(null, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aDeletedAdminsTokensGoInTheSameTransaction() {
      admins.save(new AdminAccount("ops", "h", Set.of(AdminRole.SYNC_ADMIN)));
      apiTokens.insert(token("a", "ops", 1), "7".repeat(64));

      assertThatThrownBy(() -> transactions.inTransaction(t -> {
        admins.delete("ops");
        apiTokens.deleteByOwner("ops");
        throw new IllegalStateException("rolled back");
      })).hasMessage("rolled back");

      assertThat(admins.find("ops")).isPresent();
      assertThat(apiTokens.findByHash("7".repeat(64))).isPresent();
    }
  }

  @Nested
  class Credentials {
    @Test
    void aPasswordHashIsSavedReplacedAndRemoved() {
      UUID owner = UUID.randomUUID();
      UUID other = UUID.randomUUID();
      assertThat(credentials.passwordHash(owner)).isEmpty();

      credentials.savePasswordHash(owner, "pbkdf2-sha256$1$a$b", T0);
      credentials.savePasswordHash(other, "pbkdf2-sha256$1$c$d", T0);
      credentials.savePasswordHash(owner, "pbkdf2-sha256$1$e$f", at(5));

      assertThat(credentials.passwordHash(owner)).contains("pbkdf2-sha256$1$e$f");
      assertThat(count("SELECT count(*) FROM local_password")).isEqualTo(2);
      credentials.remove(owner);
      credentials.remove(UUID.randomUUID());
      assertThat(credentials.passwordHash(owner)).isEmpty();
      assertThat(credentials.passwordHash(other)).contains("pbkdf2-sha256$1$c$d");
    }

    @Test
    void aSaveJoinsTheCallersTransactionAndRollsBackWithIt() {
      UUID owner = UUID.randomUUID();
      transactions.inTransaction(
          tx -> {
            credentials.savePasswordHash(owner, "pbkdf2-sha256$1$a$b", T0);
            tx.setRollbackOnly();
            return null;
          });
      assertThat(credentials.passwordHash(owner)).isEmpty();
    }
  }

  @Nested
  class Imports {
    @Test
    void aSelectionIsKeptWithItsRun() {
      UUID run = UUID.randomUUID();
      UUID role = UUID.randomUUID();
      ImportSelection selection =
          new ImportSelection(run, List.of("guid-2", TRICKY, "guid-1"), false, Set.of(role));
      imports.save(selection);
      imports.save(new ImportSelection(UUID.randomUUID(), List.of("x"), true, Set.of()));

      assertThat(imports.find(run)).contains(selection);
      assertThat(imports.find(run).orElseThrow().externalIds())
          .containsExactly("guid-2", TRICKY, "guid-1");
      assertThat(imports.find(UUID.randomUUID())).isEmpty();
    }
  }

  @Nested
  class Audit {
    @Test
    void keepsEveryField() {
      AuditEvent full = event(T0, AuditCategory.USER, "zoë", UUID.randomUUID());
      AuditEvent bare =
          new AuditEvent(
              UUID.randomUUID(),
              at(1),
              null,
              "admin:root",
              AuditCategory.SECURITY,
              "login refused",
              null,
              null,
              Map.of(),
              Map.of(),
              null);
      audit.appendAll(List.of(full, bare));

      assertThat(audit.search(AuditQuery.ALL, PageRequest.first(10)).items())
          .containsExactly(bare, full);
    }

    @Test
    void searchFiltersByDateUserCategoryAndRunNewestFirst() {
      UUID run = UUID.randomUUID();
      AuditEvent e1 = event(at(10), AuditCategory.USER, "alice", run);
      AuditEvent e2 = event(at(20), AuditCategory.GROUP, "Sales", run);
      AuditEvent e3 = event(at(30), AuditCategory.USER, "ALICE.B", null);
      AuditEvent e4 =
          new AuditEvent(
              UUID.randomUUID(),
              at(40),
              null,
              "admin:Alicia",
              AuditCategory.SEAT,
              "released",
              null,
              "bob",
              Map.of(),
              Map.of(),
              "");
      audit.appendAll(List.of(e1, e2, e3, e4));

      assertThat(search(new AuditQuery(at(20), at(40), null, null, null))).containsExactly(e3, e2);
      assertThat(search(new AuditQuery(null, null, "alic", null, null)))
          .containsExactly(e4, e3, e1);
      assertThat(search(new AuditQuery(null, null, "Alice", AuditCategory.USER, null)))
          .containsExactly(e3, e1);
      assertThat(search(new AuditQuery(null, null, null, null, run))).containsExactly(e2, e1);
      assertThat(search(new AuditQuery(null, null, "%", null, null))).isEmpty();

      Page<AuditEvent> page = audit.search(AuditQuery.ALL, new PageRequest(1, 3));
      assertThat(page.items()).containsExactly(e1);
      assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void exportStreamsOldestFirstKeepingTheAppendOrderOfEqualTimes() {
      List<AuditEvent> sameInstant =
          IntStream.range(0, 50)
              .mapToObj(i -> event(at(5), AuditCategory.MEMBERSHIP, "m" + i, null))
              .toList();
      AuditEvent earlier = event(at(1), AuditCategory.RUN, "run", null);
      audit.appendAll(sameInstant);
      audit.appendAll(List.of(earlier));

      List<AuditEvent> exported = new ArrayList<>();
      audit.export(AuditQuery.ALL, exported::add);
      List<AuditEvent> expected = new ArrayList<>(List.of(earlier));
      expected.addAll(sameInstant);
      assertThat(exported).containsExactlyElementsOf(expected);

      List<AuditEvent> filtered = new ArrayList<>();
      audit.export(new AuditQuery(null, null, "m4", null, null), filtered::add);
      assertThat(filtered)
          .extracting(AuditEvent::objectName)
          .containsExactly(
              "m4", "m40", "m41", "m42", "m43", "m44", "m45", "m46", "m47", "m48", "m49");
    }

    private List<AuditEvent> search(AuditQuery query) {
      return audit.search(query, PageRequest.first(100)).items();
    }
  }

  @Nested
  class Runs {
    @Test
    void keepEveryFieldAndTheUpdates() {
      SyncRun done = TestData.finished(UUID.randomUUID(), T0);
      runs.create(done);
      SyncRun found = runs.find(done.id()).orElseThrow();
      assertRunsEqual(found, done);
      assertThat(found.counts().asMap()).isEqualTo(done.counts().asMap());
      assertThat(found.counts().entriesRead()).isEqualTo(1234567890123L);

      SyncRun queued = TestData.run(UUID.randomUUID(), T0);
      runs.create(queued);
      assertRunsEqual(runs.find(queued.id()).orElseThrow(), queued);

      RunCounts counts = new RunCounts();
      counts.add(EntryOutcome.DELETED);
      counts.read();
      SyncRun ended =
          queued
              .started(at(1))
              .withSource("other")
              .ended(RunStatus.NEEDS_CONFIRMATION, counts, "would delete 1", at(2))
              .confirmed("admin:carl", 1);
      runs.update(ended);
      assertRunsEqual(runs.find(queued.id()).orElseThrow(), ended);
      assertThat(runs.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void listIsNewestFirstAndPendingIsTheNewestUnfinished() {
      UUID profile = UUID.randomUUID();
      SyncRun old = TestData.finished(profile, at(1));
      SyncRun waiting =
          TestData.run(profile, at(2))
              .ended(RunStatus.NEEDS_CONFIRMATION, new RunCounts(), "threshold", at(3));
      SyncRun newest = TestData.finished(profile, at(4));
      SyncRun elsewhere = TestData.run(UUID.randomUUID(), at(5));
      for (SyncRun r : List.of(old, waiting, newest, elsewhere)) {
        runs.create(r);
      }

      assertThat(runs.list(profile, PageRequest.first(10)).items())
          .extracting(SyncRun::id)
          .containsExactly(newest.id(), waiting.id(), old.id());
      Page<SyncRun> all = runs.list(null, new PageRequest(1, 3));
      assertThat(all.items()).extracting(SyncRun::id).containsExactly(old.id());
      assertThat(all.total()).isEqualTo(4);
      assertThat(runs.pending(profile)).map(SyncRun::id).contains(waiting.id());
      assertThat(runs.pending(UUID.randomUUID())).isEmpty();
    }

    @Test
    void reportIsPagedInOrderAndCleared() {
      UUID run = UUID.randomUUID();
      List<RunEntry> entries =
          IntStream.range(0, 2500)
              .mapToObj(
                  i ->
                      new RunEntry(
                          run,
                          i,
                          i % 2 == 0 ? "USER" : "GROUP",
                          i == 3 ? null : "x" + i,
                          i == 4 ? null : "name " + i,
                          "cn=" + TRICKY,
                          EntryOutcome.values()[i % 11],
                          "d" + i))
              .toList();
      runs.appendReport(entries);
      runs.appendReport(
          List.of(
              new RunEntry(
                  UUID.randomUUID(), 0, "USER", "o", "o", null, EntryOutcome.FAILED, null)));

      Page<RunEntry> page = runs.report(run, new PageRequest(2, 1000));
      assertThat(page.total()).isEqualTo(2500);
      assertThat(page.items()).containsExactlyElementsOf(entries.subList(2000, 2500));
      assertThat(runs.report(run, PageRequest.first(5)).items())
          .containsExactlyElementsOf(entries.subList(0, 5));

      runs.clearReport(run);
      assertThat(runs.report(run, PageRequest.first(5)).total()).isZero();
    }

    private void assertRunsEqual(SyncRun actual, SyncRun expected) {
      assertThat(actual).usingRecursiveComparison().ignoringFields("counts").isEqualTo(expected);
      assertThat(actual.counts().asMap()).isEqualTo(expected.counts().asMap());
      assertThat(actual.counts().entriesRead()).isEqualTo(expected.counts().entriesRead());
    }
  }

  @Nested
  class OwnTransactions {
    @Test
    void runHistoryAndAppendNowSurviveTheRollbackOfTheCallersLongTransaction() {
      UUID profile = UUID.randomUUID();
      SyncRun run = TestData.run(profile, T0);
      runs.create(run);
      User user = user(profile, "rolled-back");
      AuditEvent joined = event(at(1), AuditCategory.USER, "rolled-back", run.id());
      AuditEvent now = event(at(2), AuditCategory.RUN, "summary", run.id());
      RunEntry line =
          new RunEntry(run.id(), 0, "USER", "ext", "rolled-back", null, EntryOutcome.CREATED, "");

      transactions.inTransaction(
          tx -> {
            licences.lockPool();
            users.insertAll(List.of(user));
            audit.appendAll(List.of(joined));
            runs.update(run.started(at(1)));
            runs.appendReport(List.of(line));
            audit.appendNow(List.of(now));
            assertThat(users.find(user.id())).isPresent();

            // Already committed: another connection sees them while this transaction is open.
            assertThat(elsewhere(() -> runs.find(run.id())).orElseThrow().status())
                .isEqualTo(RunStatus.RUNNING);
            assertThat(elsewhere(() -> audit.search(AuditQuery.ALL, PageRequest.first(10)).items()))
                .containsExactly(now);
            assertThat(elsewhere(() -> users.find(user.id()))).isEmpty();
            tx.setRollbackOnly();
            return null;
          });

      assertThat(users.find(user.id())).isEmpty();
      assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
      assertThat(runs.report(run.id(), PageRequest.first(10)).items()).containsExactly(line);
      assertThat(audit.search(AuditQuery.ALL, PageRequest.first(10)).items()).containsExactly(now);
    }

    @Test
    void aTransactionCommitsOrRollsBackAsAWhole() {
      User kept = local("kept");
      User thrown = local("thrown");
      transactions.inTransaction(
          tx -> {
            users.insertAll(List.of(kept));
            return null;
          });
      assertThatThrownBy(
              () ->
                  transactions.inTransaction(
                      tx -> {
                        users.insertAll(List.of(thrown));
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");

      assertThat(users.find(kept.id())).isPresent();
      assertThat(users.find(thrown.id())).isEmpty();
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
      User inner = local("inner");
      transactions.inTransaction(
          outer -> {
            transactions.inTransaction(
                tx -> {
                  users.insertAll(List.of(inner));
                  return null;
                });
            outer.setRollbackOnly();
            return null;
          });
      assertThat(users.find(inner.id())).isEmpty();
    }
  }

  /** Enough rows for COPY on PostgreSQL; fewer go in a JDBC batch there too. */
  private static final int MANY = BulkInsert.COPY_FROM + 17;

  @Nested
  class BulkWrites {
    @Test
    void postgresCopiesOnTheConnectionOfTheCallersTransaction() {
      boolean copying = transactions.inTransaction(tx -> storeJdbc.joined(bulk::copies));
      assertThat(copying).isEqualTo(copies());
    }

    @Test
    void usersRoundTripExactlyInBatchesAndCopies() {
      UUID profile = UUID.randomUUID();
      List<User> all = IntStream.range(0, MANY + 5).mapToObj(i -> trickyUser(profile, i)).toList();
      users.insertAll(all.subList(0, 5));
      users.insertAll(all.subList(5, all.size()));

      assertThat(users.findByIds(all.stream().map(User::id).toList()))
          .containsExactlyInAnyOrderElementsOf(all);
      assertThat(users.findByLogin(all.get(20).login())).contains(all.get(20));
    }

    @Test
    void groupsAndParentsRoundTripExactly() {
      UUID profile = UUID.randomUUID();
      List<Group> all = new ArrayList<>();
      for (int i = 0; i < MANY; i++) {
        String v = nth(BULK_TRICKY, i);
        Set<UUID> parents =
            i < 2 ? Set.of() : Set.of(all.get(i - 1).id(), all.get(i - 2).id());
        all.add(
            new Group(
                UUID.randomUUID(),
                profile,
                "x" + i + v,
                "g" + i + v,
                i % 3 == 0 ? null : v,
                i % 2 == 0,
                parents,
                nth(BULK_INSTANTS, i)));
      }
      groups.insertAll(all);

      assertThat(groups.findByProfile(profile)).containsExactlyInAnyOrderElementsOf(all);
      assertThat(count("SELECT count(*) FROM group_parent")).isEqualTo(2L * (MANY - 2));
    }

    @Test
    void auditEventsRoundTripExactlyInTheOrderAppended() {
      UUID run = UUID.randomUUID();
      List<AuditEvent> all =
          IntStream.range(0, MANY)
              .mapToObj(
                  i -> {
                    String v = nth(BULK_TRICKY, i);
                    return new AuditEvent(
                        UUID.randomUUID(),
                        T0,
                        run,
                        "actor " + v,
                        AuditCategory.values()[i % AuditCategory.values().length],
                        "did " + v,
                        i % 3 == 0 ? null : UUID.randomUUID(),
                        v,
                        i % 2 == 0 ? Map.of() : Map.of("title", v),
                        Map.of("key " + v, v, "empty", ""),
                        v);
                  })
              .toList();
      audit.appendAll(all);

      List<AuditEvent> exported = new ArrayList<>();
      audit.export(new AuditQuery(null, null, null, null, run), exported::add);
      assertThat(exported).containsExactlyElementsOf(all);
    }

    @Test
    void reportLinesRoundTripExactly() {
      UUID run = UUID.randomUUID();
      List<RunEntry> all =
          IntStream.range(0, MANY)
              .mapToObj(
                  i -> {
                    String v = nth(BULK_TRICKY, i);
                    return new RunEntry(
                        run,
                        i + 4_000_000_000L,
                        i % 2 == 0 ? "USER" : "GROUP",
                        i % 3 == 0 ? null : v,
                        i % 4 == 1 ? null : v,
                        i % 5 == 2 ? null : v,
                        EntryOutcome.values()[i % EntryOutcome.values().length],
                        v);
                  })
              .toList();
      runs.appendReport(all);

      assertThat(runs.report(run, PageRequest.first(1000)).items()).containsExactlyElementsOf(all);
    }

    @Test
    void insertedMembershipsAreListed() {
      List<UUID> userIds = IntStream.range(0, MANY).mapToObj(i -> UUID.randomUUID()).toList();
      UUID g1 = UUID.randomUUID();
      UUID g2 = UUID.randomUUID();
      List<Membership> all = new ArrayList<>();
      Map<UUID, Set<UUID>> expected = new HashMap<>();
      for (int i = 0; i < MANY; i++) {
        UUID user = userIds.get(i);
        Set<UUID> groupIds = i % 2 == 0 ? Set.of(g1) : Set.of(g1, g2);
        groupIds.forEach(g -> all.add(new Membership(user, g)));
        expected.put(user, groupIds);
      }
      users.insertMemberships(all.subList(0, 3));
      users.insertMemberships(all.subList(3, all.size()));

      assertThat(users.groupIdsOf(userIds)).isEqualTo(expected);
      assertThat(users.memberIds(g1)).containsExactlyInAnyOrderElementsOf(userIds);
    }

    @Test
    void insertMembershipsHasNoDuplicateCheckAndFailsWholeOnOne() {
      UUID group = UUID.randomUUID();
      List<Membership> first = memberships(group, MANY);
      users.insertMemberships(first);
      List<Membership> many = new ArrayList<>(memberships(group, MANY));
      many.add(first.get(7));
      List<Membership> few = List.of(new Membership(UUID.randomUUID(), group), first.get(0));
      Membership fresh = new Membership(UUID.randomUUID(), group);

      for (List<Membership> failing : List.of(many, few, List.of(fresh, fresh))) {
        assertThatThrownBy(() -> users.insertMemberships(failing))
            .isInstanceOf(DataAccessException.class)
            .hasMessageContaining("23505");
      }
      assertThat(count("SELECT count(*) FROM user_group")).isEqualTo(MANY);

      users.addMemberships(many);
      assertThat(count("SELECT count(*) FROM user_group")).isEqualTo(2L * MANY);
    }

    @Test
    void copiesJoinTheCallersTransactionAndRollBackWithIt() {
      UUID profile = UUID.randomUUID();
      UUID run = UUID.randomUUID();
      List<User> many = IntStream.range(0, MANY).mapToObj(i -> trickyUser(profile, i)).toList();
      List<UUID> ids = many.stream().map(User::id).toList();
      List<Group> manyGroups =
          IntStream.range(0, MANY).mapToObj(i -> group(profile, "g" + i)).toList();
      List<AuditEvent> events =
          IntStream.range(0, MANY)
              .mapToObj(i -> event(at(i), AuditCategory.USER, "u" + i, run))
              .toList();
      List<RunEntry> lines =
          IntStream.range(0, MANY)
              .mapToObj(
                  i ->
                      new RunEntry(
                          run, i, "USER", "x" + i, "u" + i, null, EntryOutcome.CREATED, ""))
              .toList();

      transactions.inTransaction(
          tx -> {
            users.insertAll(many);
            users.insertMemberships(memberships(manyGroups.get(0).id(), MANY));
            groups.insertAll(manyGroups);
            audit.appendAll(events);
            runs.appendReport(lines);
            assertThat(users.findByIds(ids)).hasSize(MANY);
            assertThat(groups.findByProfile(profile)).hasSize(MANY);

            assertThat(elsewhere(() -> users.findByIds(ids))).isEmpty();
            assertThat(elsewhere(() -> count("SELECT count(*) FROM user_group"))).isZero();
            assertThat(elsewhere(() -> count("SELECT count(*) FROM run_entry"))).isEqualTo(MANY);
            tx.setRollbackOnly();
            return null;
          });

      for (String table : List.of("app_user", "user_group", "grp", "audit_event")) {
        assertThat(count("SELECT count(*) FROM " + table)).as(table).isZero();
      }
      assertThat(runs.report(run, PageRequest.first(1000)).items()).isEqualTo(lines);
    }

    @Test
    void aFailureHalfwayLeavesNoRowAndTheConnectionsUsable() {
      BulkInsert.Table table = new BulkInsert.Table("user_group", "user_id, group_id");
      int rows = 5000; // more than COPY sends at once
      List<Integer> items = IntStream.range(0, rows).boxed().toList();
      BulkInsert.Values<Integer> failingLast =
          i -> {
            if (i == rows - 1) {
              throw new IllegalStateException("no values for " + i);
            }
            return new Object[] {UUID.randomUUID(), UUID.randomUUID()};
          };

      assertThatThrownBy(() -> storeJdbc.joinedRun(c -> bulk.insert(c, table, items, failingLast)))
          .hasMessage("no values for 4999");

      for (int i = 0; i < 10; i++) {
        users.insertMemberships(memberships(UUID.randomUUID(), MANY));
      }
      assertThat(count("SELECT count(*) FROM user_group")).isEqualTo(10L * MANY);
    }

    private List<Membership> memberships(UUID group, int n) {
      return IntStream.range(0, n).mapToObj(i -> new Membership(UUID.randomUUID(), group)).toList();
    }

    /** A user whose every text field holds one of {@link TestData#BULK_TRICKY}. */
    private User trickyUser(UUID profile, int i) {
      String v = nth(BULK_TRICKY, i);
      UserStatus status = UserStatus.values()[i % UserStatus.values().length];
      return new User(
          UUID.randomUUID(),
          i % 7 == 6 ? null : profile,
          i % 7 == 6 ? null : "e" + i + v,
          "u" + i + v,
          status,
          status == UserStatus.INACTIVE ? InactiveReason.DISABLED_IN_SOURCE : null,
          i % 5 == 4 ? Map.of() : Map.of("title", v, "email", v + "@example.org", "k" + v, ""),
          i % 3 == 0 ? null : v,
          i % 2 == 0,
          i % 4 == 0,
          status == UserStatus.BLOCKED ? nth(BULK_INSTANTS, i + 1) : null,
          i % 4 == 1 ? null : v,
          nth(BULK_INSTANTS, i),
          nth(BULK_INSTANTS, i + 2));
    }
  }

  @Nested
  class Schedules {
    @Test
    void aSlotIsPlannedFoundMovedAndForgotten() {
      UUID profile = UUID.randomUUID();
      assertThat(schedules.find(profile)).isEqualTo(ScheduleSlot.none(profile));

      schedules.plan(profile, at(60));
      assertThat(schedules.find(profile)).isEqualTo(new ScheduleSlot(profile, at(60), null, null));

      UUID run = UUID.randomUUID();
      schedules.started(profile, run, at(61));
      schedules.plan(profile, at(120));
      assertThat(schedules.find(profile))
          .as("planning keeps the last run")
          .isEqualTo(new ScheduleSlot(profile, at(120), at(61), run));

      schedules.plan(profile, null);
      assertThat(schedules.find(profile).nextRunAt()).isNull();
      assertThat(schedules.all()).containsExactly(new ScheduleSlot(profile, null, at(61), run));

      schedules.forget(profile);
      assertThat(schedules.find(profile)).isEqualTo(ScheduleSlot.none(profile));
      assertThat(schedules.all()).isEmpty();
    }

    @Test
    void dueSlotsAreThoseAtOrBeforeNowEarliestFirst() {
      UUID late = UUID.randomUUID();
      UUID early = UUID.randomUUID();
      UUID onTime = UUID.randomUUID();
      UUID future = UUID.randomUUID();
      UUID unscheduled = UUID.randomUUID();
      schedules.plan(late, at(50));
      schedules.plan(early, at(10));
      schedules.plan(onTime, at(60));
      schedules.plan(future, at(61));
      schedules.plan(unscheduled, null);

      assertThat(schedules.due(at(60)))
          .extracting(ScheduleSlot::profileId)
          .containsExactly(early, late, onTime);
    }

    @Test
    void aClaimMovesTheSlotOnlyFromTheDueTimeItWasReadAt() {
      UUID profile = UUID.randomUUID();
      schedules.plan(profile, T0);
      ScheduleSlot due = schedules.due(at(1)).get(0);

      assertThat(schedules.claim(profile, due.nextRunAt(), at(3600))).isTrue();
      assertThat(schedules.claim(profile, due.nextRunAt(), at(7200))).as("already moved").isFalse();
      assertThat(schedules.find(profile).nextRunAt()).isEqualTo(at(3600));
      assertThat(schedules.due(at(1))).isEmpty();
      assertThat(schedules.claim(UUID.randomUUID(), T0, at(1))).as("no slot").isFalse();

      assertThat(schedules.claim(profile, at(3600), null)).as("ends the schedule").isTrue();
      assertThat(schedules.find(profile).nextRunAt()).isNull();
    }

    @Test
    void ofNodesClaimingTheSameSlotAtOnceExactlyOneWins() throws Exception {
      int nodes = 6;
      ExecutorService pool = Executors.newFixedThreadPool(nodes);
      try {
        claimRounds(nodes, pool);
      } finally {
        pool.shutdownNow();
      }
    }

    private void claimRounds(int nodes, ExecutorService pool) throws Exception {
      for (int round = 0; round < 15; round++) {
        UUID profile = UUID.randomUUID();
        schedules.plan(profile, T0);
        Instant due = schedules.find(profile).nextRunAt();
        CyclicBarrier start = new CyclicBarrier(nodes);
        List<CompletableFuture<Boolean>> claims = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
          Instant next = at(3600 + n);
          claims.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      start.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    return schedules.claim(profile, due, next);
                  },
                  pool));
        }
        List<Boolean> won = new ArrayList<>();
        for (CompletableFuture<Boolean> claim : claims) {
          won.add(claim.get(60, TimeUnit.SECONDS));
        }
        assertThat(won).as("round %d", round).containsOnlyOnce(true).hasSize(nodes);
      }
    }

    @Test
    void aClaimRacingAnUncommittedClaimLosesOnceThatCommits() throws Exception {
      UUID profile = UUID.randomUUID();
      schedules.plan(profile, T0);
      CountDownLatch commit = new CountDownLatch(1);
      CompletableFuture<Void> first =
          inOpenTransaction(
              commit,
              "UPDATE schedule_slot SET next_run_at = ? WHERE profile_id = ? AND next_run_at = ?",
              Sql.timestamp(at(3600)),
              profile,
              Sql.timestamp(T0));
      CompletableFuture<Boolean> second =
          CompletableFuture.supplyAsync(() -> schedules.claim(profile, T0, at(3601)));
      Thread.sleep(300);
      assertThat(second).as("waits for the first claim").isNotDone();

      commit.countDown();
      first.get(30, TimeUnit.SECONDS);
      assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
      assertThat(schedules.find(profile).nextRunAt()).isEqualTo(at(3600));
    }

    @Test
    void callsJoinTheCallersTransaction() {
      UUID profile = UUID.randomUUID();
      assertThatThrownBy(
              () ->
                  transactions.inTransaction(
                      t -> {
                        schedules.plan(profile, T0);
                        assertThat(schedules.find(profile).nextRunAt()).isEqualTo(T0);
                        throw new IllegalStateException("roll back");
                      }))
          .hasMessage("roll back");
      assertThat(schedules.find(profile)).isEqualTo(ScheduleSlot.none(profile));
    }
  }

  @Nested
  class Lease {
    @Test
    void aSecondNodeClaimsOnlyAfterTheLeaseExpired() {
      UUID profile = UUID.randomUUID();
      UUID first = UUID.randomUUID();
      UUID second = UUID.randomUUID();
      assertThat(runs.claim(profile, first, "node-a", T0, LEASE)).isTrue();
      assertThat(runs.claim(profile, second, "node-b", at(60), LEASE)).isFalse();
      assertThat(runs.claim(profile, second, "node-b", T0.plus(LEASE), LEASE)).isFalse();
      assertThat(runs.claim(UUID.randomUUID(), second, "node-b", at(60), LEASE)).isTrue();

      assertThat(runs.claim(profile, second, "node-b", T0.plus(LEASE).plusMillis(1), LEASE))
          .isTrue();
      assertThat(runs.renew(profile, first, at(400), LEASE)).isFalse();
    }

    @Test
    void renewExtendsTheLeaseOfItsHolder() {
      UUID profile = UUID.randomUUID();
      UUID run = UUID.randomUUID();
      assertThat(runs.claim(profile, run, "node-a", T0, LEASE)).isTrue();
      assertThat(runs.renew(profile, run, at(240), LEASE)).isTrue();

      assertThat(runs.claim(profile, UUID.randomUUID(), "node-b", at(400), LEASE)).isFalse();
      assertThat(runs.claim(profile, UUID.randomUUID(), "node-b", at(541), LEASE)).isTrue();
    }

    @Test
    void releaseFreesOnlyTheHoldersLease() {
      UUID profile = UUID.randomUUID();
      UUID run = UUID.randomUUID();
      assertThat(runs.claim(profile, run, "node-a", T0, LEASE)).isTrue();

      runs.release(profile, UUID.randomUUID());
      assertThat(runs.claim(profile, UUID.randomUUID(), "node-b", at(1), LEASE)).isFalse();

      runs.release(profile, run);
      assertThat(runs.claim(profile, UUID.randomUUID(), "node-b", at(1), LEASE)).isTrue();
    }

    @Test
    void abortOrphansAbortsRunsOfTheRestartedNodeExpiredOrWithoutLease() {
      SyncRun ofRestartedNode = runningWithLease("node-a", T0);
      SyncRun expired = runningWithLease("node-b", T0.minus(LEASE).minusSeconds(1));
      SyncRun withoutLease = TestData.running(UUID.randomUUID(), T0);
      runs.create(withoutLease);
      SyncRun alive = runningWithLease("node-b", T0);
      SyncRun finished = TestData.finished(UUID.randomUUID(), T0);
      runs.create(finished);
      SyncRun queuedWithoutLease = TestData.run(UUID.randomUUID(), T0);
      runs.create(queuedWithoutLease);
      SyncRun queued = TestData.run(UUID.randomUUID(), T0);
      runs.create(queued);
      assertThat(runs.claim(queued.profileId(), queued.id(), "node-b", T0, LEASE)).isTrue();

      List<SyncRun> aborted = runs.abortOrphans("node-a", at(10), "node restarted");

      assertThat(aborted)
          .extracting(SyncRun::id)
          .containsExactlyInAnyOrder(
              ofRestartedNode.id(), expired.id(), withoutLease.id(), queuedWithoutLease.id());
      assertThat(aborted)
          .allSatisfy(
              r -> {
                assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
                assertThat(r.error()).isEqualTo("node restarted");
                assertThat(r.endedAt()).isEqualTo(at(10));
                assertThat(runs.find(r.id()).orElseThrow().status()).isEqualTo(RunStatus.ABORTED);
              });
      for (SyncRun kept : List.of(alive, finished, queued)) {
        assertThat(runs.find(kept.id()).orElseThrow().status()).isEqualTo(kept.status());
      }
      assertThat(
              runs.claim(ofRestartedNode.profileId(), UUID.randomUUID(), "node-c", at(11), LEASE))
          .isTrue();
      assertThat(runs.claim(expired.profileId(), UUID.randomUUID(), "node-c", at(11), LEASE))
          .isTrue();
      assertThat(runs.claim(alive.profileId(), UUID.randomUUID(), "node-c", at(11), LEASE))
          .isFalse();
      assertThat(runs.abortOrphans("node-a", at(12), "again")).isEmpty();
    }

    @Test
    void abortExpiredLeavesEveryLiveLeaseAloneThisNodesIncluded() {
      SyncRun expired = runningWithLease("node-a", T0.minus(LEASE).minusSeconds(1));
      SyncRun withoutLease = TestData.running(UUID.randomUUID(), T0);
      runs.create(withoutLease);
      SyncRun aliveA = runningWithLease("node-a", T0);
      SyncRun aliveB = runningWithLease("node-b", T0);
      SyncRun finished = TestData.finished(UUID.randomUUID(), T0);
      runs.create(finished);

      List<SyncRun> aborted = runs.abortExpired(at(10), "taken over");

      assertThat(aborted)
          .extracting(SyncRun::id)
          .containsExactlyInAnyOrder(expired.id(), withoutLease.id());
      assertThat(aborted)
          .allSatisfy(
              r -> {
                assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
                assertThat(r.error()).isEqualTo("taken over");
                assertThat(runs.find(r.id()).orElseThrow().status()).isEqualTo(RunStatus.ABORTED);
              });
      for (SyncRun kept : List.of(aliveA, aliveB, finished)) {
        assertThat(runs.find(kept.id()).orElseThrow().status()).isEqualTo(kept.status());
      }
      assertThat(runs.claim(expired.profileId(), UUID.randomUUID(), "node-b", at(11), LEASE))
          .as("the dead run's lease is freed")
          .isTrue();
      assertThat(runs.abortExpired(at(12), "again")).isEmpty();
      assertThat(runs.abortExpired(T0.plus(LEASE).plusSeconds(1), "later"))
          .extracting(SyncRun::id)
          .containsExactlyInAnyOrder(aliveA.id(), aliveB.id());
    }

    @Test
    void ofNodesTakingOverAtOnceEachExpiredRunIsAbortedByOne() throws Exception {
      List<UUID> dead = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        dead.add(runningWithLease("node-x", T0.minus(LEASE).minusSeconds(1)).id());
      }
      CyclicBarrier start = new CyclicBarrier(3);
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<CompletableFuture<List<SyncRun>>> sweeps = new ArrayList<>();
      for (int n = 0; n < 3; n++) {
        sweeps.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return runs.abortExpired(at(1), "taken over");
                },
                pool));
      }
      List<UUID> aborted = new ArrayList<>();
      try {
        for (CompletableFuture<List<SyncRun>> sweep : sweeps) {
          sweep.get(60, TimeUnit.SECONDS).forEach(r -> aborted.add(r.id()));
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(aborted).containsExactlyInAnyOrderElementsOf(dead);
    }

    @Test
    void ofTwoNodesClaimingAtOnceExactlyOneWins() throws Exception {
      for (int round = 0; round < 20; round++) {
        UUID profile = UUID.randomUUID();
        if (round % 2 == 1) {
          runs.claim(profile, UUID.randomUUID(), "node-x", T0.minus(LEASE).minusSeconds(1), LEASE);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Boolean>> claims = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
          claims.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      start.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    return runs.claim(profile, UUID.randomUUID(), node, T0, LEASE);
                  }));
        }
        List<Boolean> won = new ArrayList<>();
        for (CompletableFuture<Boolean> claim : claims) {
          won.add(claim.get(60, TimeUnit.SECONDS));
        }
        assertThat(won).as("round %d", round).containsExactlyInAnyOrder(true, false);
      }
    }

    @Test
    void aClaimRacingAnUncommittedClaimDecidesOnceThatCommits() throws Exception {
      UUID expired = UUID.randomUUID();
      runs.claim(expired, UUID.randomUUID(), "node-x", T0.minus(LEASE).minusSeconds(1), LEASE);
      UUID free = UUID.randomUUID();
      Map<UUID, String> rivalClaims =
          Map.of(
              expired,
              "UPDATE profile_lease SET run_id = ?, node = 'node-a', expires_at = ?"
                  + " WHERE profile_id = ?",
              free,
              "INSERT INTO profile_lease (run_id, node, expires_at, profile_id)"
                  + " VALUES (?, 'node-a', ?, ?)");

      for (Map.Entry<UUID, String> rival : rivalClaims.entrySet()) {
        UUID profile = rival.getKey();
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> first =
            inOpenTransaction(
                commit,
                rival.getValue(),
                UUID.randomUUID(),
                Sql.timestamp(T0.plus(LEASE)),
                profile);
        CompletableFuture<Boolean> second =
            CompletableFuture.supplyAsync(
                () -> runs.claim(profile, UUID.randomUUID(), "node-b", T0, LEASE));
        Thread.sleep(300);
        assertThat(second).as("waits for the first claim").isNotDone();

        commit.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
      }
    }

    private SyncRun runningWithLease(String node, java.time.Instant claimedAt) {
      SyncRun run = TestData.running(UUID.randomUUID(), claimedAt);
      runs.create(run);
      assertThat(runs.claim(run.profileId(), run.id(), node, claimedAt, LEASE)).isTrue();
      return run;
    }
  }
}
