package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryApiTokens;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.fake.TestClock;
import org.roster.application.port.in.AdminCaller;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.ForbiddenException;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.IssueTokenCommand;
import org.roster.application.port.in.IssuedToken;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.TokenGrant;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;
import org.roster.domain.identity.ApiToken;

class ApiTokenServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final InMemoryApiTokens tokens = new InMemoryApiTokens();
  private final TestClock clock = new TestClock();
  private final ApiTokenService service =
      new ApiTokenService(stores.db, tokens, stores.admins, stores.audit, clock);
  private final AdminCaller ops =
      new AdminCaller("ops", Set.of(AdminRole.SYNC_ADMIN, AdminRole.PEOPLE_ADMIN), false);
  private final AdminCaller root = new AdminCaller("root", Set.of(AdminRole.SYSADMIN), false);

  @BeforeEach
  void admins() {
    stores.admins.save(new AdminAccount("ops", "x", ops.roles()));
    stores.admins.save(new AdminAccount("root", "x", root.roles()));
  }

  private IssuedToken issue(AdminCaller caller, String name, Set<AdminRole> roles) {
    return service.issue(new IssueTokenCommand(name, roles, null), caller);
  }

  @Test
  void aTokenIsShownOnceAndStoredOnlyAsItsHash() {
    IssuedToken issued = issue(ops, "prometheus", Set.of(AdminRole.PEOPLE_ADMIN));

    assertThat(issued.secret()).startsWith("rst_").hasSize(47)
        .matches("rst_[A-Za-z0-9_-]{43}");
    assertThat(tokens.hashes()).containsExactly(ApiTokenService.hash(issued.secret()))
        .allSatisfy(h -> assertThat(h).hasSize(64).doesNotContain(issued.secret()));
    assertThat(issued.token().hint()).isEqualTo(issued.secret().substring(0, 8));
    assertThat(issued.toString()).doesNotContain(issued.secret());
    AuditEvent e = stores.audit.all().get(0);
    assertThat(e.category()).isEqualTo(AuditCategory.SECURITY);
    assertThat(e.action()).isEqualTo("token created");
    assertThat(e.actor()).isEqualTo("admin:ops");
    assertThat(e.toString()).doesNotContain(issued.secret());
  }

  @Test
  void aTokenAuthenticatesWithItsRolesAndRecordsItsUse() {
    IssuedToken issued = issue(ops, "prometheus", Set.of(AdminRole.PEOPLE_ADMIN));

    assertThat(service.authenticate(issued.secret())).contains(
        new TokenGrant("ops", Set.of(AdminRole.PEOPLE_ADMIN), issued.token().id()));
    assertThat(tokens.find(issued.token().id()).orElseThrow().lastUsedAt())
        .isEqualTo(TestClock.START);
  }

  @Test
  void withoutRolesATokenCarriesAllOfTheCallersButNeverMore() {
    assertThat(issue(ops, "all", null).token().roles()).isEqualTo(ops.roles());
    assertThatThrownBy(() -> issue(ops, "more", Set.of(AdminRole.SYSADMIN)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("'roles' may only hold roles you have: PEOPLE_ADMIN,SYNC_ADMIN");
    assertThatThrownBy(() -> issue(ops, "none", Set.of()))
        .hasMessage("'roles' must name at least one role");
    assertThatThrownBy(() -> issue(ops, " ", null)).hasMessage("'name' must not be blank");
  }

  @Test
  void aSysadminMayMakeATokenThatDoesLess() {
    IssuedToken scraper = issue(root, "prometheus", Set.of(AdminRole.PEOPLE_ADMIN));

    assertThat(service.authenticate(scraper.secret()).orElseThrow().roles())
        .containsExactly(AdminRole.PEOPLE_ADMIN);
    stores.admins.save(new AdminAccount("root", "x", Set.of(AdminRole.SYNC_ADMIN)));
    assertThat(service.authenticate(scraper.secret()).orElseThrow().roles())
        .as("the demoted owner no longer reaches PEOPLE_ADMIN").isEmpty();
  }

  @Test
  void aTokenCannotMakeTokens() {
    AdminCaller viaToken = new AdminCaller("ops", ops.roles(), true);

    assertThatThrownBy(() -> issue(viaToken, "child", null))
        .isInstanceOf(ForbiddenException.class);
    assertThat(tokens.hashes()).isEmpty();
  }

  @Test
  void anExpiredTokenStopsWorking() {
    Instant in = clock.instant().plus(Duration.ofHours(1));
    IssuedToken issued = service.issue(new IssueTokenCommand("short", null, in), ops);
    assertThat(service.authenticate(issued.secret())).isPresent();

    clock.advance(Duration.ofHours(1));

    assertThat(service.authenticate(issued.secret())).isEmpty();
    assertThatThrownBy(() -> service.issue(
        new IssueTokenCommand("past", null, clock.instant().minusSeconds(1)), ops))
        .hasMessage("'expiresAt' must be in the future");
  }

  @Test
  void aRevokedOrUnknownOrMalformedTokenIsRefused() {
    IssuedToken issued = issue(ops, "ci", null);

    service.revoke(issued.token().id(), ops);

    assertThat(service.authenticate(issued.secret())).isEmpty();
    assertThat(service.authenticate("rst_" + "A".repeat(43))).isEmpty();
    assertThat(service.authenticate("Basic xyz")).isEmpty();
    assertThat(service.authenticate(null)).isEmpty();
    assertThat(stores.audit.all()).extracting(AuditEvent::action)
        .containsExactly("token created", "token revoked");
  }

  @Test
  void aDemotedOwnersTokenLosesTheRoleAndADeletedOwnersTokenDies() {
    IssuedToken issued = issue(ops, "ci", null);
    stores.admins.save(new AdminAccount("ops", "x", Set.of(AdminRole.PEOPLE_ADMIN)));

    assertThat(service.authenticate(issued.secret()).orElseThrow().roles())
        .containsExactly(AdminRole.PEOPLE_ADMIN);

    stores.admins.delete("ops");
    assertThat(service.authenticate(issued.secret())).isEmpty();
  }

  @Test
  void adminsSeeAndRevokeTheirOwnTokensASysadminEveryones() {
    ApiToken mine = issue(ops, "mine", null).token();
    clock.advance(Duration.ofSeconds(1));
    ApiToken roots = issue(root, "roots", null).token();

    assertThat(service.list(ops, PageRequest.first(10)).items()).containsExactly(mine);
    assertThat(service.list(root, PageRequest.first(10)).items())
        .extracting(ApiToken::name).containsExactly("roots", "mine");
    assertThatThrownBy(() -> service.revoke(roots.id(), ops))
        .isInstanceOf(NotFoundException.class);

    service.revoke(mine.id(), root);
    assertThat(service.list(root, PageRequest.first(10)).items()).containsExactly(roots);
  }

  @Test
  void theLastUseIsWrittenAtMostOnceAMinute() {
    IssuedToken issued = issue(ops, "scraper", null);
    service.authenticate(issued.secret());
    clock.advance(Duration.ofSeconds(30));
    service.authenticate(issued.secret());
    assertThat(tokens.find(issued.token().id()).orElseThrow().lastUsedAt())
        .isEqualTo(TestClock.START);

    clock.advance(Duration.ofSeconds(30));
    service.authenticate(issued.secret());
    assertThat(tokens.find(issued.token().id()).orElseThrow().lastUsedAt())
        .isEqualTo(TestClock.START.plusSeconds(60));
  }

  @Test
  void anAdminHoldsAtMostAHundredTokens() {
    for (int i = 0; i < ApiTokenService.MAX_PER_OWNER; i++) {
      issue(ops, "t" + i, null);
    }

    assertThatThrownBy(() -> issue(ops, "one more", null)).isInstanceOf(ConflictException.class);
  }
}
