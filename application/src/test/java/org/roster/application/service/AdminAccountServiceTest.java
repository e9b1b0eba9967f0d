package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryApiTokens;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.fake.TestClock;
import org.roster.application.port.in.AdminCaller;
import org.roster.application.port.in.AdminLogin;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.CreateAdminCommand;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.IssueTokenCommand;
import org.roster.application.port.in.LoginThrottledException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.UpdateAdminCommand;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;

class AdminAccountServiceTest {
  private static final String ROOT_PW = "root-password-1";
  private final InMemoryStores stores = new InMemoryStores();
  private final InMemoryApiTokens tokens = new InMemoryApiTokens();
  private final TestClock clock = new TestClock();
  private final PasswordHasher hasher = new PasswordHasher(1000);
  private final LoginThrottle throttle =
      new LoginThrottle(LoginThrottle.Settings.defaults(), stores.audit, clock);
  private final AdminAccessService access =
      new AdminAccessService(stores.admins, stores.audit, hasher, throttle, clock);
  private final AdminAccountService service = new AdminAccountService(stores.db, stores.admins,
      tokens, stores.audit, access, hasher, throttle, clock);
  private final ApiTokenService tokenService =
      new ApiTokenService(stores.db, tokens, stores.admins, stores.audit, clock);

  @BeforeEach
  void root() {
    stores.admins.save(new AdminAccount("root", hasher.hash(ROOT_PW), Set.of(AdminRole.SYSADMIN)));
  }

  private AdminAccount create(String login, AdminRole... roles) {
    return service.create(
        new CreateAdminCommand(login, login + "-password-1", Set.of(roles)), "root");
  }

  private AuditEvent lastEvent() {
    return stores.audit.all().get(stores.audit.all().size() - 1);
  }

  @Test
  void createsAnAdminWithAHashedPasswordAndAudits() {
    AdminAccount ops = create("ops", AdminRole.SYNC_ADMIN, AdminRole.PEOPLE_ADMIN);

    assertThat(ops.passwordHash()).startsWith("pbkdf2-sha256$").doesNotContain("ops-password-1");
    assertThat(access.authenticate("ops", "ops-password-1"))
        .isEqualTo(new AdminLogin.Accepted(ops));
    AuditEvent e = lastEvent();
    assertThat(e.category()).isEqualTo(AuditCategory.SECURITY);
    assertThat(e.action()).isEqualTo("admin created");
    assertThat(e.actor()).isEqualTo("admin:root");
    assertThat(e.objectName()).isEqualTo("ops");
    assertThat(e.after()).containsEntry("roles", "PEOPLE_ADMIN,SYNC_ADMIN");
    assertThat(e.toString()).doesNotContain("ops-password-1");
  }

  @Test
  void refusesWeakPasswordsBadLoginsAndNoRoles() {
    assertThatThrownBy(() -> service.create(
        new CreateAdminCommand("ops", "short-pw-11", Set.of(AdminRole.SYSADMIN)), "root"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("'password' must be at least 12 characters long");
    assertThatThrownBy(() -> service.create(
        new CreateAdminCommand("opsopsopsops", "OPSOPSOPSOPS", Set.of(AdminRole.SYSADMIN)), "root"))
        .hasMessage("'password' must not be the login");
    assertThatThrownBy(() -> service.create(
        new CreateAdminCommand("o p s", "long-enough-pw", Set.of(AdminRole.SYSADMIN)), "root"))
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("login"));
    assertThatThrownBy(() -> service.create(
        new CreateAdminCommand("Me", "long-enough-pw", Set.of(AdminRole.SYSADMIN)), "root"))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> service.create(
        new CreateAdminCommand("ops", "long-enough-pw", Set.of()), "root"))
        .hasMessage("'roles' must name at least one role");
    assertThat(stores.admins.list()).extracting(AdminAccount::login).containsExactly("root");
  }

  @Test
  void aLoginIsTakenWhateverItsCase() {
    create("ops", AdminRole.SYNC_ADMIN);

    assertThatThrownBy(() -> create("OPS", AdminRole.SYNC_ADMIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("'ops' already exists");
  }

  @Test
  void theLastSysadminCanNeitherBeDemotedNorDeleted() {
    create("ops", AdminRole.SYNC_ADMIN);

    assertThatThrownBy(() -> service.update("root",
        new UpdateAdminCommand(Set.of(AdminRole.SYNC_ADMIN), null), "ops"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("last SYSADMIN");
    assertThatThrownBy(() -> service.delete("root", "ops"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("last SYSADMIN");

    create("second", AdminRole.SYSADMIN);
    AdminAccount demoted =
        service.update("root", new UpdateAdminCommand(Set.of(AdminRole.SYNC_ADMIN), null), "second");
    assertThat(demoted.roles()).containsExactly(AdminRole.SYNC_ADMIN);
    assertThat(lastEvent().before()).containsEntry("roles", "SYSADMIN");
    assertThat(lastEvent().after()).containsEntry("roles", "SYNC_ADMIN");
    assertThatThrownBy(() -> service.delete("second", "root"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void noOneDeletesTheirOwnAccount() {
    create("second", AdminRole.SYSADMIN);

    assertThatThrownBy(() -> service.delete("root", "root"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("your own account");
  }

  @Test
  void deletingAnAdminRevokesItsTokensAndItsLogin() {
    create("ops", AdminRole.SYNC_ADMIN);
    String secret = tokenService.issue(new IssueTokenCommand("ci", null, null),
        new AdminCaller("ops", Set.of(AdminRole.SYNC_ADMIN), false)).secret();
    assertThat(tokenService.authenticate(secret)).isPresent();

    service.delete("ops", "root");

    assertThat(tokenService.authenticate(secret)).isEmpty();
    assertThat(tokens.hashes()).isEmpty();
    assertThat(access.authenticate("ops", "ops-password-1")).isEqualTo(new AdminLogin.Refused());
    assertThat(lastEvent().action()).isEqualTo("admin deleted");
    assertThat(lastEvent().detail()).contains("1 API token(s) revoked");
    assertThatThrownBy(() -> service.get("ops")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aNewPasswordReplacesTheOldAndLiftsALockout() {
    create("ops", AdminRole.SYNC_ADMIN);
    for (int i = 0; i < 5; i++) {
      access.authenticate("ops", "wrong-password");
    }
    assertThat(access.authenticate("ops", "ops-password-1"))
        .isInstanceOf(AdminLogin.Throttled.class);

    service.update("ops", new UpdateAdminCommand(null, "brand-new-password"), "root");

    assertThat(access.authenticate("ops", "ops-password-1")).isEqualTo(new AdminLogin.Refused());
    assertThat(access.authenticate("ops", "brand-new-password"))
        .isInstanceOf(AdminLogin.Accepted.class);
    assertThat(stores.audit.all()).extracting(AuditEvent::action).contains("admin password set");
  }

  @Test
  void anUpdateWithNothingIsRefused() {
    assertThatThrownBy(() -> service.update("root", new UpdateAdminCommand(null, null), "root"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.update("nobody",
        new UpdateAdminCommand(Set.of(AdminRole.SYSADMIN), null), "root"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAdminChangesTheirOwnPasswordByProvingTheCurrentOne() {
    assertThatThrownBy(() -> service.changeOwnPassword("root", "not-it", "another-password"))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("current"));
    assertThatThrownBy(() -> service.changeOwnPassword("root", ROOT_PW, "short"))
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("new"));

    service.changeOwnPassword("root", ROOT_PW, "another-password");

    assertThat(access.authenticate("root", "another-password"))
        .isInstanceOf(AdminLogin.Accepted.class);
    assertThat(access.authenticate("root", ROOT_PW)).isEqualTo(new AdminLogin.Refused());
    assertThat(lastEvent().action()).isEqualTo("own password changed");
    assertThat(lastEvent().actor()).isEqualTo("admin:root");
  }

  @Test
  void wrongCurrentPasswordsAreThrottledLikeLogins() {
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> service.changeOwnPassword("root", "guess", "another-password"))
          .isInstanceOf(InvalidRequestException.class);
    }

    assertThatThrownBy(() -> service.changeOwnPassword("root", ROOT_PW, "another-password"))
        .isInstanceOf(LoginThrottledException.class);
  }

  @Test
  void listsByLoginInPages() {
    create("bob", AdminRole.SYNC_ADMIN);
    create("ann", AdminRole.PEOPLE_ADMIN);

    var first = service.list(new org.roster.application.port.out.PageRequest(0, 2));
    var second = service.list(new org.roster.application.port.out.PageRequest(1, 2));

    assertThat(first.items()).extracting(AdminAccount::login).containsExactly("ann", "bob");
    assertThat(second.items()).extracting(AdminAccount::login).containsExactly("root");
    assertThat(first.total()).isEqualTo(3);
  }

  @Test
  void aLockedOutAdminIsRefusedEvenWithTheRightPasswordAndUnknownLoginsToo() {
    for (int i = 0; i < 5; i++) {
      assertThat(access.authenticate("root", "wrong")).isEqualTo(new AdminLogin.Refused());
      assertThat(access.authenticate("ghost", "wrong")).isEqualTo(new AdminLogin.Refused());
    }

    assertThat(access.authenticate("root", ROOT_PW))
        .isEqualTo(new AdminLogin.Throttled(Duration.ofSeconds(30)));
    assertThat(access.authenticate("ghost", "anything"))
        .isEqualTo(new AdminLogin.Throttled(Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(30));
    assertThat(access.authenticate("root", ROOT_PW)).isInstanceOf(AdminLogin.Accepted.class);
    for (int i = 0; i < 4; i++) {
      access.authenticate("root", "wrong");
    }
    assertThat(access.authenticate("root", ROOT_PW))
        .as("the success reset the count").isInstanceOf(AdminLogin.Accepted.class);
  }

  @Test
  void theBootstrapAdminIsMadeOnlyWhenThereIsNoAdminAtAll() {
    InMemoryStores empty = new InMemoryStores();
    AdminAccessService fresh = new AdminAccessService(empty.admins, empty.audit, hasher, throttle,
        clock);

    Optional<String> generated = fresh.ensureBootstrapAdmin(Optional.empty());

    assertThat(generated).isPresent();
    assertThat(fresh.authenticate("admin", generated.get()))
        .isInstanceOf(AdminLogin.Accepted.class);
    assertThat(access.ensureBootstrapAdmin(Optional.empty())).as("root exists").isEmpty();
    assertThat(stores.admins.find("admin")).as("a deleted admin stays deleted").isEmpty();
  }

  @Test
  void aConfiguredPasswordRestoresTheBootstrapSysadmin() {
    assertThat(access.ensureBootstrapAdmin(Optional.of("configured-password"))).isEmpty();

    assertThat(stores.admins.find("admin").orElseThrow().roles())
        .containsExactly(AdminRole.SYSADMIN);
    assertThat(access.authenticate("admin", "configured-password"))
        .isInstanceOf(AdminLogin.Accepted.class);
  }
}
