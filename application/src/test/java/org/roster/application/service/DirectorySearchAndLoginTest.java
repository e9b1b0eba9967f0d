package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.DirectoryHit;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.LoginResult;
import org.roster.connector.api.DirectoryQuery;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;

/** Selective-import search (seeds/002) and login against the user's own directory. */
class DirectorySearchAndLoginTest {

  private final EngineFixture f = new EngineFixture(Policies.open());
  private final DirectorySearchService search = new DirectorySearchService(f.stores.profiles,
      f.stores.users, f.stores.groups, new ConnectorRegistry(List.of(f.connector)), f.clock);
  private final LoginService login = new LoginService(f.stores.users, f.stores.profiles,
      new ConnectorRegistry(List.of(f.connector)), f.stores.credentials, new PasswordHasher(1000), f.clock);

  @Test
  void eachHitSaysWhetherItIsNewSyncedOrInConflictWithALocalUser() {
    f.source().group("g1", "Analysis").user("u1", "andarm");
    f.run();
    f.stores.users.insertAll(List.of(User.local(UUID.randomUUID(), "aandrei", Map.of(), Instant.now())));
    f.source().user("u2", "andbal").user("u3", "aandrei");

    List<DirectoryHit> hits = search.search(f.profile.id(), new DirectoryQuery(DirectoryQuery.By.NAME, "an"), 50);

    assertThat(hits).extracting(DirectoryHit::name, DirectoryHit::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Analysis", DirectoryHit.Status.SYNCED),
        org.assertj.core.groups.Tuple.tuple("andarm", DirectoryHit.Status.SYNCED),
        org.assertj.core.groups.Tuple.tuple("andbal", DirectoryHit.Status.NEW),
        org.assertj.core.groups.Tuple.tuple("aandrei", DirectoryHit.Status.CONFLICT));
    assertThat(hits.get(3).detail()).isEqualTo("username already exists as an internal user");
  }

  @Test
  void anInvalidFilterIsA400NamingQ() {
    assertThatThrownBy(() -> search.search(f.profile.id(), new DirectoryQuery(DirectoryQuery.By.FILTER, "bad("), 10))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("q"));
  }

  @Test
  void aSyncedUserLogsInWithTheDirectoryPassword() {
    f.source().user("u1", "ann");
    f.source().passwords.put("u1", "s3cret");
    f.run();
    assertThat(login.verify("ANN", "s3cret").accepted()).isTrue();
    LoginResult wrong = login.verify("ann", "nope");
    assertThat(wrong.accepted()).isFalse();
    assertThat(wrong.reason()).isEqualTo("unknown user or wrong password");
    assertThat(login.verify("ann", "").accepted()).as("an empty password never binds").isFalse();
  }

  @Test
  void inactiveBlockedAndDeletedUsersAreRefusedWhateverThePassword() {
    f.source().user("u1", "ann");
    f.source().passwords.put("u1", "s3cret");
    f.run();
    User ann = f.user("u1");
    for (UserStatus s : List.of(UserStatus.INACTIVE, UserStatus.BLOCKED)) {
      f.stores.db.users.put(ann.id(), ann.withSeat(false).withStatus(s,
          s == UserStatus.INACTIVE ? InactiveReason.DISABLED_IN_SOURCE : null, Instant.now()));
      LoginResult r = login.verify("ann", "s3cret");
      assertThat(r.accepted()).isFalse();
      assertThat(r.reason()).isEqualTo("user is " + s);
    }
    f.stores.db.users.put(ann.id(), ann.withSeat(false).withStatus(UserStatus.DELETED, null, Instant.now()));
    assertThat(login.verify("ann", "s3cret").accepted()).isFalse();
  }
}
