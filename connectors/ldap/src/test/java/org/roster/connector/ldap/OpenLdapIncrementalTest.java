package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SyncToken;
import org.roster.connector.testkit.RecordingSink;

/** OpenLDAP's incremental read by modifyTimestamp, in memory (which keeps modifyTimestamp). */
class OpenLdapIncrementalTest {
  private final InMemoryLdap ldap = InMemoryLdap.standard();
  private LDAPConnection admin;

  @BeforeEach
  void seed() {
    ldap.add(Fixtures.person("ann"));
    ldap.add(Fixtures.person("bob"));
    ldap.add(Fixtures.person("cat"));
    ldap.add(Fixtures.group("g", "ann"));
    ldap.add(Fixtures.group("h", "cat"));
    admin = ldap.admin();
  }

  @AfterEach
  void stop() {
    admin.close();
    ldap.close();
  }

  private LdapSettings settings(int fullReconcileHours) {
    return ldap.settings(
        ldap.openldapSettings(
            Map.of("overlapSeconds", 0, "fullReconcileHours", fullReconcileHours)));
  }

  private SyncToken token() {
    try (LdapSource source = Fixtures.open(settings(24))) {
      return source.currentToken();
    }
  }

  private RecordingSink changes(EntryKind kind, SyncToken since, Clock clock) {
    try (LdapSource source = new LdapSource(settings(24), new SourceContext("test", clock))) {
      RecordingSink sink = new RecordingSink();
      assertThat(source.readChanges(kind, since, sink)).isNotNull();
      return sink;
    }
  }

  /** Timestamps have one-second resolution on OpenLDAP: changes must fall in a later second. */
  private static void nextSecond() throws InterruptedException {
    Thread.sleep(1100 - System.currentTimeMillis() % 1000);
  }

  @Test
  void changedUsersAndTheMembersOfChangedGroupsAreRead() throws Exception {
    nextSecond();
    SyncToken token = token();
    nextSecond();
    admin.modify(
        "uid=bob," + InMemoryLdap.PEOPLE,
        new Modification(ModificationType.REPLACE, "mail", "robert@example.org"));
    admin.modify(
        "cn=g," + InMemoryLdap.GROUPS,
        new Modification(ModificationType.ADD, "member", "uid=bob," + InMemoryLdap.PEOPLE));
    ldap.add(Fixtures.person("dan"));
    RecordingSink users = changes(EntryKind.USER, token, Clock.systemUTC());
    assertThat(users.usersByLogin()).containsOnlyKeys("ann", "bob", "dan");
    assertThat(users.usersByLogin().get("bob").attribute("email")).isEqualTo("robert@example.org");
    assertThat(users.usersByLogin().get("bob").groupIds()).hasSize(1);
    RecordingSink groups = changes(EntryKind.GROUP, token, Clock.systemUTC());
    assertThat(groups.groups()).extracting(g -> g.name()).containsExactly("g");
  }

  @Test
  void theReturnedTokenStartsTheNextRead() throws Exception {
    nextSecond();
    SyncToken first = token();
    nextSecond();
    admin.modify(
        "uid=bob," + InMemoryLdap.PEOPLE,
        new Modification(ModificationType.REPLACE, "sn", "Brewer"));
    nextSecond();
    SyncToken second;
    try (LdapSource source = Fixtures.open(settings(24))) {
      second = source.readChanges(EntryKind.USER, first, new RecordingSink());
    }
    nextSecond();
    admin.modify(
        "uid=cat," + InMemoryLdap.PEOPLE,
        new Modification(ModificationType.REPLACE, "sn", "Cooper"));
    assertThat(changes(EntryKind.USER, second, Clock.systemUTC()).usersByLogin())
        .containsOnlyKeys("cat");
  }

  @Test
  void aTokenOlderThanTheFullReconcilePeriodAsksForAFullSync() {
    SyncToken token = token();
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(25));
    assertThatThrownBy(() -> changes(EntryKind.USER, token, later))
        .isInstanceOf(FullSyncRequiredException.class)
        .hasMessageStartingWith("full reconcile due");
  }

  @Test
  void foreignTokensAskForAFullSync() {
    assertThatThrownBy(
            () ->
                changes(
                    EntryKind.USER,
                    new SyncToken("ldap1|activeDirectory|x|1|1|-"),
                    Clock.systemUTC()))
        .isInstanceOf(FullSyncRequiredException.class);
  }
}
