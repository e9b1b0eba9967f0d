package org.roster.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.DirectoryQuery.By;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;

/** Selective-import searches: by name (escaped), by group, by filter; with a limit. */
class DirectorySearchTest {
  private final InMemoryLdap ldap = InMemoryLdap.standard();

  @BeforeEach
  void seed() {
    ldap.add(Fixtures.person("anna"));
    ldap.add(Fixtures.person("bob", "title: Analyst"));
    ldap.add(Fixtures.person("carl"));
    ldap.add(Fixtures.person("star*", "title: tricky"));
    ldap.add(Fixtures.group("Analysis", "bob", "carl"));
    ldap.add(Fixtures.group("Other", "anna"));
  }

  @AfterEach
  void stop() {
    ldap.close();
  }

  private List<SourceEntry> search(By by, String text, int limit) {
    try (LdapSource source = Fixtures.open(ldap.settings(ldap.openldapSettings(Map.of())))) {
      return source.search(new DirectoryQuery(by, text), limit);
    }
  }

  private static List<String> names(List<SourceEntry> entries) {
    return entries.stream()
        .map(e -> e instanceof SourceUser u ? u.login() : ((SourceGroup) e).name())
        .toList();
  }

  @Test
  void byNameFindsGroupsAndUsersByASubstring() {
    List<SourceEntry> found = search(By.NAME, "an", 10);
    assertThat(names(found)).containsExactlyInAnyOrder("Analysis", "anna");
    SourceUser anna =
        (SourceUser) found.stream().filter(SourceUser.class::isInstance).findFirst().orElseThrow();
    assertThat(anna.groupIds()).hasSize(1);
  }

  @Test
  void byNameEscapesTheText() {
    assertThat(names(search(By.NAME, "*)(uid=*", 10))).isEmpty();
    assertThat(names(search(By.NAME, "star*", 10))).containsExactly("star*");
  }

  @Test
  void byGroupListsTheMembers() {
    assertThat(names(search(By.GROUP, "analysis", 10))).containsExactlyInAnyOrder("bob", "carl");
    assertThat(names(search(By.GROUP, "An", 10))).isEmpty();
  }

  @Test
  void byFilterIsAndedWithTheUsersFilter() {
    assertThat(names(search(By.FILTER, "(title=Analyst)", 10))).containsExactly("bob");
    assertThat(names(search(By.FILTER, "(cn=*)", 10))).doesNotContain("Analysis", "Other");
    assertThatThrownBy(() -> search(By.FILTER, "(title=", 10))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("q"));
  }

  @Test
  void theLimitHolds() {
    assertThat(search(By.FILTER, "(uid=*)", 2)).hasSize(2);
    assertThat(search(By.NAME, "a", 1)).hasSize(1);
  }
}
