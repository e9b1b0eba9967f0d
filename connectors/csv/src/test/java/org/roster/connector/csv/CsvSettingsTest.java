package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

class CsvSettingsTest {

  private static CsvSettings settings(Map<String, Object> raw) {
    Map<String, Object> all = new HashMap<>(raw);
    all.putIfAbsent("folder", "/srv/roster/drop");
    return CsvSettings.from(RawSettings.of(all));
  }

  @Test
  void onlyTheFolderIsRequiredAndEverythingElseHasADefault() {
    CsvSettings s = settings(Map.of());

    assertThat(s.folder()).isEqualTo(Path.of("/srv/roster/drop"));
    assertThat(s.filePattern()).isEqualTo("*.csv");
    assertThat(s.delimiter()).isEqualTo(',');
    assertThat(s.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(s.quietPeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.mapping().matchColumn()).isEqualTo("id");
    assertThat(s.mapping().explicit()).isFalse();
    assertThat(s.mapping().fields()).isEqualTo(ColumnMapping.DEFAULT_FIELDS);
    assertThat(s.mapping().requiredColumns()).containsExactly("id", "username");
    assertThat(s.multiValueSeparator()).isEqualTo("|");
    assertThat(s.statusActive()).isEqualTo("active");
    assertThat(s.statusDisabled()).isEqualTo("disabled");
  }

  @Test
  void theDefaultHeaderMapsEveryColumn() {
    assertThat(ColumnMapping.DEFAULT_FIELDS)
        .containsExactly(
            Map.entry("username", "login"),
            Map.entry("email", "email"),
            Map.entry("given_name", "givenName"),
            Map.entry("family_name", "familyName"),
            Map.entry("display_name", "displayName"),
            Map.entry("title", "title"),
            Map.entry("department", "department"),
            Map.entry("company", "company"),
            Map.entry("phone", "phone"),
            Map.entry("status", "status"),
            Map.entry("groups", "groups"));
  }

  static Stream<Arguments> delimiters() {
    return Stream.of(
        Arguments.of(";", ';'),
        Arguments.of("|", '|'),
        Arguments.of(",", ','),
        Arguments.of("tab", '\t'),
        Arguments.of("TAB", '\t'),
        Arguments.of("\\t", '\t'),
        Arguments.of("semicolon", ';'));
  }

  @ParameterizedTest
  @MethodSource("delimiters")
  void acceptsDelimitersByCharacterOrName(String setting, char expected) {
    assertThat(settings(Map.of("delimiter", setting)).delimiter()).isEqualTo(expected);
  }

  @Test
  void acceptsARealTabAlthoughItIsBlank() {
    assertThat(settings(Map.of("delimiter", "\t")).delimiter()).isEqualTo('\t');
  }

  @Test
  void aMappingToExternalIdNamesTheMatchColumnAndEveryMappedColumnIsRequired() {
    CsvSettings s =
        settings(
            Map.of(
                "mapping",
                Map.of(" Personalnummer ", "externalId", "Benutzer", "LOGIN", "Mail", "email")));

    assertThat(s.mapping().matchColumn()).isEqualTo("personalnummer");
    assertThat(s.mapping().fields())
        .containsOnly(Map.entry("benutzer", "login"), Map.entry("mail", "email"));
    assertThat(s.mapping().explicit()).isTrue();
    assertThat(s.mapping().requiredColumns())
        .containsExactlyInAnyOrder("personalnummer", "benutzer", "mail");
  }

  @Test
  void theMatchColumnCanBeAnyColumnOfTheDefaultHeader() {
    CsvSettings s = settings(Map.of("matchColumn", "Email"));

    assertThat(s.mapping().matchColumn()).isEqualTo("email");
    assertThat(s.mapping().requiredColumns()).containsExactly("email", "username");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(Map.of("folder", ""), "folder"),
        Arguments.of(Map.of("folder", "bad\0path"), "folder"),
        Arguments.of(Map.of("filePattern", "sub/*.csv"), "filePattern"),
        Arguments.of(Map.of("filePattern", "people[.csv"), "filePattern"),
        Arguments.of(Map.of("delimiter", "ab"), "delimiter"),
        Arguments.of(Map.of("delimiter", "\""), "delimiter"),
        Arguments.of(Map.of("delimiter", 7), "delimiter"),
        Arguments.of(Map.of("encoding", "klingon-8"), "encoding"),
        Arguments.of(Map.of("quietSeconds", -1), "quietSeconds"),
        Arguments.of(Map.of("quietSeconds", "soon"), "quietSeconds"),
        Arguments.of(Map.of("keepFiles", -1), "keepFiles"),
        Arguments.of(Map.of("multiValueSeparator", "a\nb"), "multiValueSeparator"),
        Arguments.of(Map.of("statusDisabled", " Active "), "statusDisabled"),
        Arguments.of(Map.of("mapping", "username=login"), "mapping"),
        Arguments.of(Map.of("mapping", Map.of("user", "nickname")), "mapping.user"),
        Arguments.of(Map.of("mapping", Map.of("user", 3)), "mapping.user"),
        Arguments.of(Map.of("mapping", Map.of("mail", "email")), "mapping"),
        Arguments.of(Map.of("mapping", Map.of(" ", "login")), "mapping. "),
        Arguments.of(
            Map.of("mapping", Map.of("u", "login", "uid", "externalId"), "matchColumn", "id"),
            "matchColumn"));
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void aBadSettingIsNamed(Map<String, Object> raw, String field) {
    Map<String, Object> all = new HashMap<>(raw);
    all.putIfAbsent("folder", "/srv/roster/drop");
    assertThatThrownBy(() -> CsvSettings.from(RawSettings.of(all)))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void aMissingFolderIsNamed() {
    assertThatThrownBy(() -> CsvSettings.from(RawSettings.of(Map.of())))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("folder"));
  }

  @Test
  void twoColumnsForOneFieldAreRefusedNamingTheSecond() {
    Map<String, Object> mapping = new java.util.LinkedHashMap<>();
    mapping.put("user", "login");
    mapping.put("login", "login");
    mapping.put("id2", "externalId");
    mapping.put("id3", "externalId");
    assertThatThrownBy(() -> settings(Map.of("mapping", mapping)))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("mapping.login"));
    mapping.remove("login");
    assertThatThrownBy(() -> settings(Map.of("mapping", mapping)))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("mapping.id3"));
    mapping.remove("id3");
    mapping.put("USER ", "email");
    assertThatThrownBy(() -> settings(Map.of("mapping", mapping)))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("mapping.USER "));
  }

  @Test
  void anUnknownFieldMessageListsTheKnownOnes() {
    assertThatThrownBy(() -> settings(Map.of("mapping", Map.of("user", "nickname"))))
        .hasMessageContaining("unknown field 'nickname'")
        .hasMessageContaining(
            String.join(", ", List.of("externalId", "login", "status", "groups", "email")));
  }
}
