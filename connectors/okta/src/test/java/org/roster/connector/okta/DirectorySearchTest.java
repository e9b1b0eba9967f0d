package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.DirectoryQuery.By;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.okta.fake.Fault;

/**
 * Selective-import searches with Okta's search: by name (a prefix, escaped), by group, by filter;
 * within the profile's scope and the limit; failures as in a read.
 */
class DirectorySearchTest {
  private final TestOrg org = new TestOrg();
  private final FakeOkta okta = org.okta;
  private String analysis;
  private String other;
  private String anna;
  private String bob;
  private String carl;

  @BeforeEach
  void seed() {
    analysis = okta.addGroup("Analysis");
    other = okta.addGroup("Other");
    okta.addGroup("Announcements", "BUILT_IN");
    anna = org.user("anna", "Anna", "Lee", other);
    bob = org.user("bob", "Bob", "Ek", analysis);
    okta.updateProfile(bob, Map.of("displayName", "Andy Ek"));
    carl = org.user("carl", "Carl", "Andersen", analysis, other);
    String dora = org.user("dora", "Dora", "Moe");
    okta.updateProfile(dora, Map.of("email", "an.dora@example.org"));
    org.user("eve", "Eve", "Stone");
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private List<SourceEntry> search(By by, String text, int limit) {
    try (OktaSource source = org.open()) {
      return source.search(new DirectoryQuery(by, text), limit);
    }
  }

  private static List<String> names(List<SourceEntry> entries) {
    return entries.stream()
        .map(e -> e instanceof SourceUser u ? u.login() : ((SourceGroup) e).name())
        .toList();
  }

  private static SourceUser user(List<SourceEntry> entries, String login) {
    return entries.stream()
        .filter(e -> e instanceof SourceUser u && u.login().equals(login))
        .map(SourceUser.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void byNameFindsProfileGroupsAndUsersByLoginNamesOrMailPrefixIgnoringCase() {
    List<SourceEntry> found = search(By.NAME, "AN", 10);
    // anna by login and first name, bob by display name, carl by last name, dora by mail; the
    // built-in Announcements is not a profile group; groups come first.
    assertThat(names(found)).containsExactly("Analysis", "anna", "bob", "carl", "dora");
    assertThat(found.get(0))
        .isEqualTo(new SourceGroup(analysis, "Analysis", "/api/v1/groups/" + analysis, Set.of()));
    assertThat(user(found, "anna").groupIds()).containsExactly(other);
    assertThat(user(found, "carl").groupIds()).containsExactlyInAnyOrder(analysis, other);
    assertThat(okta.requests("/api/v1/users"))
        .singleElement()
        .satisfies(r -> assertThat(r.query()).containsKey("search").doesNotContainKey("q"));
    assertThat(okta.requests())
        .as("each user's groups asked per user, no group's members listed")
        .noneMatch(r -> r.path().matches("/api/v1/groups/.+/users"));
    assertThat(okta.requests("/api/v1/groups"))
        .first()
        .satisfies(r -> assertThat(r.query().get("search")).contains("profile.name sw \"AN\""));
  }

  @Test
  void byNameStaysWithinTheProfilesGroupsAndUsersFilter() {
    okta.updateProfile(anna, Map.of("department", "Sales"));
    okta.updateProfile(carl, Map.of("department", "Sales"));
    org.with("groups", List.of("Other")).with("usersFilter", "(department=Sales)");
    assertThat(names(search(By.NAME, "an", 10))).containsExactly("anna", "carl");
    assertThat(names(search(By.NAME, "o", 10))).containsExactly("Other");
    assertThat(user(search(By.NAME, "carl", 10), "carl").groupIds()).containsExactly(other);
  }

  @Test
  void aUserFoundIsTheUserAFullReadMapsDisabledAndAllAndDeprovisionedUsersAreLeftOut() {
    String sue = org.user("sue", "Sue", "Anker", analysis);
    okta.setStatus(sue, "SUSPENDED");
    String gone = org.user("andrew", "Andrew", "Gone", analysis);
    okta.setStatus(gone, "DEPROVISIONED");
    List<SourceEntry> found = search(By.NAME, "an", 10);
    assertThat(names(found)).contains("sue").doesNotContain("andrew");
    SourceUser read = org.readAll(EntryKind.USER).usersByLogin().get("sue");
    assertThat(user(found, "sue")).isEqualTo(read);
    assertThat(read.enabled()).isFalse();
    assertThat(user(found, "anna").enabled()).isTrue();
    assertThat(user(search(By.GROUP, "analysis", 10), "sue").enabled()).isFalse();
  }

  @Test
  void deprovisionedUsersAreLeftOutByOktaNotPageByPage() {
    for (int i = 1; i <= 3; i++) {
      okta.addUser("zoe" + i, "DEPROVISIONED", Map.of("firstName", "Zoe"));
    }
    org.user("zoe4", "Zoe", "Four");
    org.with("pageSize", 1);
    okta.clearRequests();
    assertThat(names(search(By.NAME, "zoe", 1))).containsExactly("zoe4");
    assertThat(okta.requests("/api/v1/users")).hasSize(1);
  }

  @Test
  void byNameEscapesQuotesBackslashesAndUrlCharacters() {
    org.user("obrien", "Pat", "O\"Brien");
    org.user("slash", "Back\\slash", "Sl");
    org.user("plus+one@x.org", "Plus", "One");
    okta.addGroup("R&D (Berlin) \"east\"");
    assertThat(names(search(By.NAME, "o\"b", 10))).containsExactly("obrien");
    assertThat(names(search(By.NAME, "back\\s", 10))).containsExactly("slash");
    assertThat(names(search(By.NAME, "plus+", 10))).containsExactly("plus+one@x.org");
    assertThat(names(search(By.NAME, "r&d (berlin) \"e", 10)))
        .containsExactly("R&D (Berlin) \"east\"");
    assertThat(search(By.NAME, "\" or profile.login pr or profile.login eq \"", 10)).isEmpty();
  }

  @Test
  void byGroupListsTheMembersOfTheGroupsOfExactlyThatName() {
    okta.addGroup("Analysis Team");
    String app = okta.addGroup("ANALYSIS", "APP_GROUP");
    okta.addMember(app, bob);
    okta.addMember(app, anna);
    List<SourceEntry> found = search(By.GROUP, " analysis ", 10);
    assertThat(names(found)).containsExactly("bob", "carl", "anna");
    assertThat(user(found, "bob").groupIds()).containsExactlyInAnyOrder(analysis, app);
    assertThat(search(By.GROUP, "Ana", 10)).isEmpty();
    assertThat(search(By.GROUP, "Everyone", 10)).as("not a profile group").isEmpty();
  }

  @Test
  void byGroupKeepsToTheUsersFilter() {
    okta.updateProfile(carl, Map.of("department", "Sales"));
    org.with("usersFilter", "(department=Sales)");
    assertThat(names(search(By.GROUP, "Analysis", 10))).containsExactly("carl");
  }

  @Test
  void byFilterTranslatesTheFilterAndAndsItWithTheUsersFilter() {
    okta.updateProfile(anna, Map.of("department", "Sales", "organization", "Example"));
    okta.updateProfile(bob, Map.of("department", "Sales"));
    okta.updateProfile(carl, Map.of("department", "Support", "organization", "Example"));
    assertThat(names(search(By.FILTER, "(department=sales)", 10))).containsExactly("anna", "bob");
    org.with("usersFilter", "(organization=Example)");
    List<SourceEntry> found = search(By.FILTER, "(|(department=Sales)(lastName=And*))", 10);
    assertThat(names(found)).containsExactly("anna", "carl");
    assertThat(user(found, "carl").groupIds()).containsExactlyInAnyOrder(analysis, other);
  }

  @Test
  void anInvalidOrUnsupportedFilterIsAnInvalidQ() {
    assertThatThrownBy(() -> search(By.FILTER, "(department=", 10))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("q"))
        .hasMessageContaining("is not an RFC 4515 filter");
    assertThatThrownBy(() -> search(By.FILTER, "(!(department=Sales))", 10))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("q"))
        .hasMessageContaining("NOT has no Okta equivalent");
    assertThatThrownBy(() -> search(By.FILTER, "(department=*Sales)", 10))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("q"))
        .hasMessageContaining("only a trailing *");
    assertThat(okta.requests()).as("refused before any request").isEmpty();
    assertThatThrownBy(() -> search(By.FILTER, "(lastUpdated>=yesterday)", 10))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("q"))
        .hasMessageContaining("Okta refused the filter (lastUpdated>=yesterday)")
        .hasMessageContaining("lastUpdated ge \"yesterday\"")
        .hasMessageContaining("E0000031");
  }

  @Test
  void theLimitHoldsInEveryModeAndOktaIsAskedForNoMore() {
    assertThat(names(search(By.NAME, "a", 1))).containsExactly("Analysis");
    okta.clearRequests();
    assertThat(names(search(By.NAME, "an", 3))).containsExactly("Analysis", "anna", "bob");
    assertThat(okta.requests("/api/v1/users").get(0).query()).containsEntry("limit", "2");
    assertThat(search(By.FILTER, "(login=*)", 2)).hasSize(2);
    assertThat(names(search(By.GROUP, "Analysis", 1))).containsExactly("bob");
    assertThat(search(By.NAME, "an", 0)).isEmpty();
  }

  @Test
  void resultsSpanPagesUntilTheLimit() {
    for (int i = 0; i < 5; i++) {
      org.user("zed" + i, "Zed", "Z" + i, analysis);
    }
    org.with("pageSize", 2);
    okta.clearRequests();
    assertThat(names(search(By.NAME, "zed", 3))).containsExactly("zed0", "zed1", "zed2");
    assertThat(okta.requests("/api/v1/users")).hasSize(2);
    org.with("usersFilter", "(lastName=Z*)");
    assertThat(names(search(By.GROUP, "analysis", 4)))
        .containsExactly("zed0", "zed1", "zed2", "zed3");
  }

  @Test
  void anUnreachableOrgIsUnavailableAndARefusedTokenAnAuthenticationFailure() {
    org.with("apiToken", "00NotTheToken0000000000000000000000000000");
    assertThatThrownBy(() -> search(By.NAME, "an", 10))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageStartingWith("search groups: Okta answered 401 E0000011");
    org.with("apiToken", okta.apiToken());
    okta.stop();
    assertThatThrownBy(() -> search(By.FILTER, "(department=Sales)", 10))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("search users: no answer from Okta to GET /api/v1/users");
  }

  @Test
  void aRateLimitedSearchWaitsAndSucceeds() {
    okta.inject(Fault.rateLimit("/api/v1/users", 1, 1));
    assertThat(names(search(By.FILTER, "(lastName=Lee)", 10))).containsExactly("anna");
    assertThat(okta.requests("/api/v1/users")).hasSize(2);
  }
}
