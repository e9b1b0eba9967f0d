package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.CreateLocalUserCommand;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.NotFoundException;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.SyncRun;

/** An admin's changes to users (protection, local users, status, rule 9's link) and local logins. */
class UserAdminServiceTest {
  private static final String ADMIN = "admin:pat";
  private final EngineFixture f = new EngineFixture(Policies.open());
  private final PasswordHasher hasher = new PasswordHasher(1000);
  private final UserAdminService service = new UserAdminService(f.stores.db, f.stores.users,
      f.stores.profiles, f.stores.licences, f.stores.credentials, f.stores.audit, hasher, f.clock);
  private final LoginService login = new LoginService(f.stores.users, f.stores.profiles,
      new ConnectorRegistry(List.of(f.connector)), f.stores.credentials, hasher, f.clock);

  private User local(String login, String password) {
    return service.createLocal(new CreateLocalUserCommand(login, password, Map.of()), ADMIN);
  }

  private AuditEvent last() {
    List<AuditEvent> mine = f.stores.db.audit.stream().filter(e -> e.actor().equals(ADMIN)).toList();
    return mine.get(mine.size() - 1);
  }

  @Test
  void aProtectedUserIsNotDeletedByARunUntilTheProtectionIsLifted() {
    f.source().user("u1", "owner").user("u2", "bob");
    f.run();
    User owner = service.setProtected(f.user("u1").id(), true, ADMIN);
    assertThat(last().action()).isEqualTo("protected");
    assertThat(last().after()).containsEntry("protected", "true");

    f.source().remove("u1");
    SyncRun kept = f.run();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.report(kept)).anySatisfy(e -> assertThat(e.detail()).startsWith("protected user: not deleted"));

    service.setProtected(owner.id(), false, ADMIN);
    f.run();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.DELETED);
    assertThatThrownBy(() -> service.setProtected(UUID.randomUUID(), true, ADMIN))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aLocalUserLogsInWithThePasswordAnAdminSetWhichIsKeptOnlyHashed() {
    User u = service.createLocal(new CreateLocalUserCommand(" Owner ", "correct horse",
        Map.of("email", "owner@example.org", "displayName", "The Owner", "title", " ")), ADMIN);

    assertThat(u.login()).isEqualTo("Owner");
    assertThat(u.synced()).isFalse();
    assertThat(u.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(u.attributes()).isEqualTo(Map.of("email", "owner@example.org", "displayName", "The Owner"));
    assertThat(f.stores.db.passwords.get(u.id())).startsWith("pbkdf2-sha256$").doesNotContain("correct horse");
    assertThat(login.verify("OWNER", "correct horse").accepted()).isTrue();
    assertThat(login.verify("owner", "wrong horse").reason()).isEqualTo("unknown user or wrong password");
    assertThat(last().after()).containsEntry("login", "Owner").doesNotContainValue("correct horse");

    service.setPassword(u.id(), "battery staple", ADMIN);
    assertThat(login.verify("owner", "correct horse").accepted()).isFalse();
    assertThat(login.verify("owner", "battery staple").accepted()).isTrue();
    assertThat(last().category()).isEqualTo(AuditCategory.SECURITY);
  }

  @Test
  void aLocalUserWithoutAPasswordOrDeactivatedIsRefused() {
    User noPassword = User.local(UUID.randomUUID(), "legacy", Map.of(), f.clock.instant());
    f.stores.users.insertAll(List.of(noPassword));
    User u = local("owner", "correct horse");

    assertThat(login.verify("legacy", "anything at all").reason()).contains("has no password");
    service.deactivate(u.id(), ADMIN);
    assertThat(login.verify("owner", "correct horse").reason()).isEqualTo("user is INACTIVE");
  }

  @Test
  void aLoginIsTakenWhateverItsCaseAndBadInputNamesTheField() {
    local("owner", "correct horse");

    assertThatThrownBy(() -> local("OWNER", "another pass")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("taken by a local user");
    assertThat(invalid(() -> local("x", "short")).field()).isEqualTo("password");
    assertThat(invalid(() -> local(" ", "long enough")).field()).isEqualTo("login");
    assertThat(invalid(() -> new CreateLocalUserCommand("x", "long enough", Map.of("colour", "red"))).field())
        .isEqualTo("attributes.colour");
    assertThat(invalid(() -> new CreateLocalUserCommand("x", "long enough", Map.of("email", "nope"))).field())
        .isEqualTo("attributes.email");
    assertThat(new CreateLocalUserCommand("x", "long enough", Map.of()).toString()).doesNotContain("long enough");
  }

  @Test
  void aSyncedUsersPasswordIsKeptByItsDirectory() {
    f.source().user("u1", "ann");
    f.run();

    assertThatThrownBy(() -> service.setPassword(f.user("u1").id(), "long enough", ADMIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("kept by its directory");
    assertThat(f.stores.db.passwords).isEmpty();
  }

  @Test
  void anAdminsDeactivationFreesTheSeatAndNoRunLiftsIt() {
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();
    User ann = f.user("u1");
    assertThat(ann.seat()).isTrue();

    User off = service.deactivate(ann.id(), ADMIN);
    f.run();

    assertThat(off.inactiveReason()).isEqualTo(InactiveReason.BY_ADMIN);
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.INACTIVE);
    assertThat(f.user("u1").seat()).isFalse();
    assertThat(f.stores.licences.pool().used()).isEqualTo(1);
    assertThat(last().action()).isEqualTo("deactivated");
    assertThat(last().before()).containsEntry("status", "ACTIVE").containsEntry("seat", "held");
    assertThat(last().after()).containsEntry("status", "INACTIVE").containsEntry("seat", "none");

    User on = service.activate(ann.id(), ADMIN);
    assertThat(on.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(on.seat()).isTrue();
    assertThat(f.stores.licences.pool().used()).isEqualTo(2);
  }

  @Test
  void activationTakesAFreeSeatOrIsRefused() {
    f.stores.licences.setLimit(Optional.of(1));
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();
    User bob = f.user("u2");
    assertThat(bob.status()).isEqualTo(UserStatus.BLOCKED);

    assertThatThrownBy(() -> service.activate(bob.id(), ADMIN)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("no licence seat is free (1 of 1 held)");
    assertThat(f.user("u2").status()).isEqualTo(UserStatus.BLOCKED);

    f.stores.licences.setLimit(Optional.of(2));
    User released = service.activate(bob.id(), ADMIN);
    assertThat(released.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(released.seat()).isTrue();
    assertThat(last().detail()).contains("ahead of the queue");
  }

  @Test
  void usersImportedInactiveAreActivatedButTheDirectoryDecidesDisabledOnes() {
    f.policy(Policies.notEnabledAfterImport());
    f.source().user("u1", "ann").user("u2", "bob", false, Map.of());
    f.run();

    assertThat(service.activate(f.user("u1").id(), ADMIN).status()).isEqualTo(UserStatus.ACTIVE);
    assertThatThrownBy(() -> service.activate(f.user("u2").id(), ADMIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("disabled in its directory");
    f.source().remove("u2");
    f.run();
    assertThatThrownBy(() -> service.activate(f.user("u2").id(), ADMIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("DELETED");
    assertThatThrownBy(() -> service.deactivate(f.user("u2").id(), ADMIN))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void rule9_anAdminLinksALocalUserToTheConflictingDirectoryEntry() {
    User owner = local("ann", "correct horse");
    f.source().user("u1", "ann", true, Map.of("email", "ann@corp.example"));
    f.source().passwords.put("u1", "directory password");
    SyncRun conflict = f.run();
    assertThat(conflict.counts().get(EntryOutcome.CONFLICT)).isEqualTo(1);

    User linked = service.link(owner.id(), f.profile.id(), "u1", ADMIN);
    SyncRun after = f.run();

    assertThat(linked.synced()).isTrue();
    assertThat(after.counts().get(EntryOutcome.CONFLICT)).isZero();
    User synced = f.user("u1");
    assertThat(synced.id()).isEqualTo(owner.id());
    assertThat(synced.attribute("email")).isEqualTo("ann@corp.example");
    assertThat(f.stores.db.passwords).doesNotContainKey(owner.id());
    assertThat(login.verify("ann", "correct horse").accepted()).isFalse();
    assertThat(login.verify("ann", "directory password").accepted()).isTrue();
    assertThat(last().action()).isEqualTo("linked");
  }

  @Test
  void onlyALocalUserIsLinkedAndOnlyToAnEntryNobodySyncs() {
    f.source().user("u1", "ann");
    f.run();
    User owner = local("owner", "correct horse");

    assertThatThrownBy(() -> service.link(owner.id(), f.profile.id(), "u1", ADMIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("is synced as user 'ann'");
    assertThatThrownBy(() -> service.link(f.user("u1").id(), f.profile.id(), "u9", ADMIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("not a local user");
    assertThatThrownBy(() -> service.link(owner.id(), UUID.randomUUID(), "u9", ADMIN))
        .isInstanceOf(NotFoundException.class);
    assertThat(invalid(() -> service.link(owner.id(), f.profile.id(), " ", ADMIN)).field()).isEqualTo("externalId");
    assertThat(f.stores.users.find(owner.id()).orElseThrow().synced()).isFalse();
  }

  private static InvalidRequestException invalid(Runnable r) {
    return catchThrowableOfType(InvalidRequestException.class, r::run);
  }
}
