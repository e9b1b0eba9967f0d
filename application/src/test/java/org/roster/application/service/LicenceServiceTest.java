package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.LicenceOverview;
import org.roster.application.port.in.SeatReleaseResult;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.SyncRun;

/** DESIGN rule 11 through {@link LicenceService}: the limit, the blocked queue and release. */
class LicenceServiceTest {
  private static final String ADMIN = "admin:lee";
  private final EngineFixture f = new EngineFixture(Policies.open());
  private final LicenceService service = new LicenceService(f.stores.db, f.stores.licences,
      f.stores.users, f.stores.roles, f.stores.audit, f.clock);

  private List<AuditEvent> mine() {
    return f.stores.db.audit.stream().filter(e -> e.actor().equals(ADMIN)).toList();
  }

  @Test
  void aLimitBelowUsageIsAllowedKeepsHeldSeatsAndBlocksNewUsers() {
    f.source().user("u1", "ann").user("u2", "bob").user("u3", "cid");
    f.run();

    LicenceOverview lowered = service.setLimit(2, ADMIN);
    f.source().user("u4", "dan");
    SyncRun run = f.run();

    assertThat(lowered.pool()).isEqualTo(new LicencePool(2, 3));
    assertThat(lowered.pool().overLimit()).isTrue();
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.user("u4").status()).isEqualTo(UserStatus.BLOCKED);
    assertThat(run.counts().get(EntryOutcome.BLOCKED)).isEqualTo(1);
    AuditEvent e = mine().get(0);
    assertThat(e.category()).isEqualTo(AuditCategory.SEAT);
    assertThat(e.runId()).isNull();
    assertThat(e.before()).containsEntry("limit", "unlimited");
    assertThat(e.after()).containsEntry("limit", "2");
    assertThat(e.detail()).contains("3 seats are held, over the new limit");
    assertThat(service.overview()).isEqualTo(new LicenceOverview(new LicencePool(2, 3), 1));
  }

  @Test
  void aReleaseActivatesBlockedUsersFirstComeWhileSeatsAreFree() {
    service.setLimit(1, ADMIN);
    f.source().user("u1", "ann");
    f.run();
    f.source().user("u2", "bob");
    f.run();
    f.source().user("u3", "cid");
    f.run();
    f.source().user("u4", "dan");
    f.run();
    assertThat(service.blocked(PageRequest.first(10)).items()).extracting(User::login)
        .containsExactly("bob", "cid", "dan");

    assertThat(service.release(ADMIN).released()).as("no seat is free yet").isEmpty();
    service.setLimit(3, ADMIN);
    SeatReleaseResult result = service.release(ADMIN);

    assertThat(result.released()).extracting(User::login).containsExactly("bob", "cid");
    assertThat(result.after()).isEqualTo(new LicenceOverview(new LicencePool(3, 3), 1));
    assertThat(f.user("u2").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.user("u2").seat()).isTrue();
    assertThat(f.user("u4").status()).isEqualTo(UserStatus.BLOCKED);
    assertThat(service.blocked(PageRequest.first(10)).items()).extracting(User::login).containsExactly("dan");
    assertThat(mine()).filteredOn(e -> e.action().equals("released")).hasSize(2)
        .allSatisfy(e -> {
          assertThat(e.runId()).isNull();
          assertThat(e.after()).containsEntry("status", "ACTIVE").containsEntry("seat", "held");
        });
    assertThat(mine().get(mine().size() - 1).detail()).startsWith("2 blocked users activated first-come");
  }

  @Test
  void removingTheLimitLetsAReleaseActivateEveryBlockedUser() {
    service.setLimit(0, ADMIN);
    f.source().user("u1", "ann").user("u2", "bob");
    f.run();
    assertThat(service.overview().blocked()).isEqualTo(2);

    service.setLimit(null, ADMIN);
    SeatReleaseResult result = service.release(ADMIN);

    assertThat(result.released()).hasSize(2);
    assertThat(result.after()).isEqualTo(new LicenceOverview(LicencePool.unlimited(2), 0));
  }

  @Test
  void aNegativeLimitIsRefusedAndTheSameLimitIsNoChange() {
    assertThatThrownBy(() -> service.setLimit(-1, ADMIN)).isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("limit"));
    service.setLimit(5, ADMIN);
    service.setLimit(5, ADMIN);
    assertThat(mine()).hasSize(1);
  }
}
