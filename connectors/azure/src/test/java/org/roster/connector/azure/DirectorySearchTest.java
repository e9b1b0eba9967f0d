package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
import org.roster.connector.azure.fake.FakeDirectory;
import org.roster.connector.azure.fake.Fault;
import org.roster.connector.testkit.RecordingSink;

/**
 * Selective-import searches against the fake Graph: by name prefix (quoted for OData), by group, by
 * filter; entries exactly as a full read gives them; the limit; failures.
 */
class DirectorySearchTest {
  private final TestTenant tenant = new TestTenant();
  private String analysis;
  private String research;
  private String dora;

  @BeforeEach
  void seed() {
    person("anna", "Anna", "Archer");
    String bob = person("bob", "Bob", "Analyst");
    String carl = person("carl", "Carl", "Carter");
    person("dan", "Dan", "Smith");
    dora = person("dora", "Dora", "Anders");
    tenant.directory().updateUser(dora, Map.of("accountEnabled", false));
    String obrien = person("obrien", "Seán", "O'Brien");
    person("rnd-bot", "R&D #1 + 50%", "Bot");
    Map<String, Object> ghost = new HashMap<>(FakeDirectory.person("ghost", "Anonymous", "Ghost"));
    ghost.remove("userPrincipalName");
    tenant.directory().addUser(ghost);
    analysis = tenant.group("Analysis", bob, carl, dora);
    tenant.group("Other", tenant.directory().userIds().get(0));
    research = tenant.group("Research", analysis);
    tenant.group("O'Neil Team", obrien);
  }

  @AfterEach
  void close() {
    tenant.close();
  }

  private String person(String login, String givenName, String surname) {
    return tenant.directory().addUser(FakeDirectory.person(login, givenName, surname));
  }

  private List<SourceEntry> search(By by, String text, int limit) {
    try (AzureSource source = tenant.open()) {
      return source.search(new DirectoryQuery(by, text), limit);
    }
  }

  private static List<String> names(List<SourceEntry> entries) {
    return entries.stream()
        .map(e -> e instanceof SourceUser u ? login(u) : ((SourceGroup) e).name())
        .toList();
  }

  private static String login(SourceUser user) {
    return user.login().replace("@contoso.example", "");
  }

  /** Every user and group of a full read with the current settings, by id. */
  private Map<String, SourceEntry> fullRead() {
    RecordingSink sink = new RecordingSink();
    try (AzureSource source = tenant.open()) {
      source.readAll(EntryKind.GROUP, sink);
      source.readAll(EntryKind.USER, sink);
    }
    Map<String, SourceEntry> byId = new LinkedHashMap<>();
    sink.entries().forEach(e -> byId.put(e.externalId(), e));
    return byId;
  }

  private void assertAsAFullReadGivesThem(List<SourceEntry> found) {
    Map<String, SourceEntry> full = fullRead();
    assertThat(found)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).isEqualTo(full.get(e.externalId())));
  }

  private List<String> searchRequests(String collection) {
    return tenant.entra.requests("GET /v1.0/" + collection + "?");
  }

  private static String filterOf(String request) {
    return request.replaceAll(".*[?&]\\$filter=(.*?)(&\\$[a-z]+=.*)?$", "$1");
  }

  @Test
  void byNameFindsTheProfilesGroupsThenUsersWhoseNamesStartWithTheText() {
    List<SourceEntry> found = search(By.NAME, "AN", 10);
    assertThat(names(found).get(0)).isEqualTo("Analysis");
    assertThat(names(found).subList(1, found.size()))
        .containsExactlyInAnyOrder("anna", "bob", "dora");
    assertThat(((SourceGroup) found.get(0)).parentGroupIds()).containsExactly(research);
    assertAsAFullReadGivesThem(found);
    assertThat(filterOf(searchRequests("users").get(0)))
        .isEqualTo(
            "startswith(userPrincipalName,'AN') or startswith(displayName,'AN')"
                + " or startswith(givenName,'AN') or startswith(surname,'AN')"
                + " or startswith(mail,'AN')");
    assertThat(searchRequests("users").get(0)).contains("$top=9");
    assertThat(filterOf(searchRequests("groups").get(0)))
        .isEqualTo("startswith(displayName,'AN')");
    assertThat(tenant.entra.requests()).noneMatch(r -> r.contains("$search"));
    assertThat(search(By.NAME, "nna", 10)).as("a prefix, not a substring").isEmpty();
  }

  @Test
  void byNameQuotesTheTextForOData() {
    assertThat(names(search(By.NAME, "o'b", 10))).containsExactly("obrien");
    assertThat(names(search(By.NAME, "O'N", 10))).containsExactly("O'Neil Team");
    assertThat(names(search(By.NAME, "R&D #1 + 50%", 10))).containsExactly("rnd-bot");
    assertThat(search(By.NAME, "x') or startswith(displayName,'", 10)).isEmpty();
    assertThat(search(By.NAME, "*", 10)).isEmpty();
  }

  @Test
  void byNameLeavesOutMappedPropertiesGraphCannotPrefixMatchByDefault() {
    Map<String, Object> sam = new HashMap<>(FakeDirectory.person("sam", "Sam", "Uel"));
    sam.put("onPremisesSamAccountName", "SUEL");
    tenant.directory().addUser(sam);
    tenant.with("mapping", Map.of("login", "onPremisesSamAccountName"));
    List<SourceEntry> found = search(By.NAME, "sa", 10);
    assertThat(found)
        .singleElement()
        .satisfies(u -> assertThat(((SourceUser) u).login()).isEqualTo("SUEL"));
    assertThat(filterOf(searchRequests("users").get(0)))
        .doesNotContain("onPremisesSamAccountName")
        .startsWith("startswith(displayName,'sa')");
  }

  @Test
  void byGroupListsTheUsersOfTheProfilesGroupsOfThatExactName() {
    List<SourceEntry> members = search(By.GROUP, "ANALYSIS", 10);
    assertThat(names(members)).containsExactlyInAnyOrder("bob", "carl", "dora");
    assertAsAFullReadGivesThem(members);
    assertThat(search(By.GROUP, "Anal", 10)).isEmpty();
    assertThat(names(search(By.GROUP, "o'neil team", 10))).containsExactly("obrien");
    assertThat(search(By.GROUP, "Research", 10)).as("only a group is a direct member").isEmpty();
    tenant.with("nestedGroups", true);
    assertThat(names(search(By.GROUP, "Research", 10)))
        .containsExactlyInAnyOrder("bob", "carl", "dora");
    tenant.with("usersFilter", "(accountEnabled=TRUE)");
    assertThat(names(search(By.GROUP, "Research", 10))).containsExactlyInAnyOrder("bob", "carl");
    tenant.with("groupsFilter", "(displayName=Res*)");
    assertThat(search(By.GROUP, "Analysis", 10)).as("out of the groups filter").isEmpty();
    tenant.with("groupsFilter", null).with("groups", List.of("Other"));
    assertThat(search(By.GROUP, "Analysis", 10)).as("not one of the listed groups").isEmpty();
  }

  @Test
  void byGroupReadsEveryGroupOfThatNameAndListsEachUserOnce() {
    String bob = tenant.directory().members(analysis).iterator().next();
    String anna = tenant.directory().userIds().get(0);
    tenant.group("analysis", bob, anna);
    assertThat(names(search(By.GROUP, "Analysis", 10)))
        .containsExactlyInAnyOrder("anna", "bob", "carl", "dora");
  }

  @Test
  void byNameFindsOnlyGroupsOfTheProfile() {
    tenant.with("groupsFilter", "(displayName=Res*)");
    assertThat(names(search(By.NAME, "an", 10))).doesNotContain("Analysis").contains("anna");
    assertThat(filterOf(searchRequests("groups").get(0)))
        .isEqualTo("(startswith(displayName,'an')) and (startswith(displayName,'Res'))");
    tenant.with("groupsFilter", null).with("groups", List.of("Research"));
    assertThat(names(search(By.NAME, "r", 10))).containsExactly("Research", "rnd-bot");
    assertThat(names(search(By.NAME, "a", 10))).doesNotContain("Analysis");
  }

  @Test
  void aDisabledUserComesBackDisabledInEveryMode() {
    tenant.directory().updateUser(dora, Map.of("department", "Sales"));
    SourceUser byName = (SourceUser) search(By.NAME, "dora", 10).get(0);
    assertThat(byName.enabled()).isFalse();
    assertThat(byName.groupIds()).containsExactly(analysis);
    assertThat(search(By.GROUP, "Analysis", 10))
        .filteredOn(e -> e.externalId().equals(dora))
        .singleElement()
        .satisfies(e -> assertThat(((SourceUser) e).enabled()).isFalse());
    assertThat(search(By.FILTER, "(department=Sales)", 10))
        .singleElement()
        .satisfies(e -> assertThat(((SourceUser) e).enabled()).isFalse());
  }

  @Test
  void byFilterIsTranslatedAndAndedWithTheUsersFilter() {
    String anna = tenant.directory().userIds().get(0);
    tenant.directory().updateUser(anna, Map.of("department", "Sales"));
    tenant.directory().updateUser(dora, Map.of("department", "Sales"));
    assertThat(names(search(By.FILTER, "(department=Sales)", 10)))
        .containsExactlyInAnyOrder("anna", "dora");
    tenant.with("usersFilter", "(accountEnabled=TRUE)");
    List<SourceEntry> enabled = search(By.FILTER, "(department=Sales)", 10);
    assertThat(names(enabled)).containsExactly("anna");
    assertAsAFullReadGivesThem(enabled);
    assertThat(filterOf(searchRequests("users").get(1)))
        .isEqualTo("(department eq 'Sales') and (accountEnabled eq true)");
    assertThat(names(search(By.FILTER, "(&(surname=O'Bri*)(givenName=Seán))", 10)))
        .containsExactly("obrien");
  }

  @Test
  void anInvalidOrUnsupportedFilterIsAnInvalidQ() {
    assertInvalidQ("(department=", "is not an RFC 4515 filter");
    assertInvalidQ("(!(department=Sales))", "negation (!) needs Graph's advanced queries");
    assertThat(tenant.entra.requests()).as("refused without I/O").isEmpty();
    assertInvalidQ("(companyName=Contoso)", "advanced queries", "ConsistencyLevel:eventual");
    assertInvalidQ("(nickname=x)", "Could not find a property named 'nickname'");
  }

  private void assertInvalidQ(String filter, String... message) {
    assertThatThrownBy(() -> search(By.FILTER, filter, 10))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("q"))
        .hasMessageContainingAll(message);
  }

  @Test
  void theLimitHoldsAndGraphIsAskedForNoMore() {
    List<String> many =
        IntStream.range(0, 30).mapToObj(i -> person("u" + i, "U", "Ser")).toList();
    String big = tenant.group("Big", many.toArray(String[]::new));
    assertThat(search(By.NAME, "u", 5)).hasSize(5);
    assertThat(searchRequests("users"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("$top=5"));
    assertThat(names(search(By.NAME, "an", 1))).containsExactly("Analysis");
    assertThat(searchRequests("users")).as("no room left for users").hasSize(1);
    assertThat(search(By.FILTER, "(userPrincipalName=u*)", 7)).hasSize(7);
    int before = tenant.entra.requests().size();
    assertThat(search(By.GROUP, "big", 3)).hasSize(3);
    List<String> requests = requestsSince(before);
    assertThat(requests)
        .filteredOn(r -> r.contains("id in ("))
        .as("the first 15 members were enough")
        .hasSize(1);
    assertThat(requests).filteredOn(r -> r.contains(big + "/members?")).hasSize(1);
  }

  private List<String> requestsSince(int before) {
    List<String> all = tenant.entra.requests();
    return all.subList(before, all.size());
  }

  @Test
  void membershipsComeFromEachEntryOrFromTheGroupsWhicheverIsCheaper() {
    List<SourceEntry> few = search(By.NAME, "bob", 10);
    assertAsAFullReadGivesThem(few);
    List<String> fewRequests = tenant.entra.requests();
    assertThat(fewRequests).anyMatch(r -> r.contains("/memberOf?"));
    assertThat(fewRequests.stream().filter(r -> r.contains("/members?")))
        .as("only the full read's")
        .hasSize(4);
    tenant.with("groups", List.of("Analysis")).with("nestedGroups", true);
    int before = tenant.entra.requests().size();
    List<SourceEntry> many = search(By.NAME, "an", 10);
    List<String> manyRequests = requestsSince(before);
    assertThat(manyRequests).noneMatch(r -> r.contains("emberOf?"));
    assertThat(manyRequests).anyMatch(r -> r.contains(analysis + "/transitiveMembers?"));
    assertAsAFullReadGivesThem(many);
  }

  @Test
  void failuresAreTranslatedAndThrottlingRetriedLikeAFullRead() {
    tenant.entra.fail(Fault.on("/v1.0/users").status(429).retryAfter("3"));
    assertThat(names(search(By.NAME, "carl", 10))).containsExactly("carl");
    assertThat(tenant.waits()).containsExactly(Duration.ofSeconds(3));
    tenant.entra.grantOnly("User.Read.All");
    assertThatThrownBy(() -> search(By.NAME, "carl", 10))
        .isInstanceOf(SourceAuthenticationException.class)
        .hasMessageContaining("GroupMember.Read.All");
    tenant.entra.stopGraph();
    assertThatThrownBy(() -> search(By.NAME, "carl", 10))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContainingAll("search groups: GET /v1.0/groups?", "connection refused");
  }
}
