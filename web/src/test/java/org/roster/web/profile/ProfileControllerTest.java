package org.roster.web.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryProfiles;

@MicronautTest
class ProfileControllerTest extends ApiTestSupport {
  private static final String CSV =
      """
      {"name": "HR file", "type": "csv", "settings": {"folder": "/srv/drop"}}""";
  private static final String LDAP =
      """
      {"name": "Corp AD", "type": "ldap",
       "settings": {"url": "ldaps://dc1", "bindDn": "cn=roster", "bindPassword": "s3cret"}}""";

  @Inject InMemoryProfiles profiles;

  @BeforeEach
  void clear() {
    profiles.clear();
  }

  @Test
  void createsAProfileWithTheDefaultPolicyOfItsType() {
    Reply created = api().post("/api/v1/profiles", CSV);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Map<String, Object> body = created.map();
    String id = (String) body.get("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/profiles/" + id);
    assertThat(body)
        .containsEntry("name", "HR file")
        .containsEntry("type", "csv")
        .containsEntry("enabled", true)
        .containsEntry("settings", Map.of("folder", "/srv/drop"));
    assertThat(created.object("policy"))
        .containsEntry("enableUsersAfterImport", true)
        .containsEntry("grantLicences", true)
        .containsEntry("synchronizeOnlyGroups", false)
        .containsEntry("requireGroupMembership", false)
        .containsEntry("nestedGroups", true)
        .containsEntry("synchronizedGroups", List.of())
        .containsEntry("includeRules", List.of())
        .containsEntry("excludeRules", List.of())
        .containsEntry("threshold", Map.of("percent", 10, "absolute", 500));
    assertThat(profiles.lastActor(UUID.fromString(id))).isEqualTo("admin:sys");
  }

  @Test
  void policyFieldsOverrideTheTypesDefaultsOneByOne() {
    String ldap =
        """
        {"name": "Corp AD", "type": "ldap", "settings": {"url": "ldaps://dc1"}, "enabled": false,
         "policy": {"grantLicences": false, "synchronizedGroups": ["Staff"],
                    "includeRules": ["(department=Sales)"], "threshold": {"absolute": 20}}}""";

    Reply created = api().post("/api/v1/profiles", ldap);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.map()).containsEntry("enabled", false);
    assertThat(created.object("policy"))
        .containsEntry("requireGroupMembership", true)
        .containsEntry("enableUsersAfterImport", true)
        .containsEntry("grantLicences", false)
        .containsEntry("synchronizedGroups", List.of("Staff"))
        .containsEntry("includeRules", List.of("(department=Sales)"))
        .containsEntry("threshold", Map.of("percent", 10, "absolute", 20));
  }

  @Test
  void listsProfilesByNameInPages() {
    for (String name : List.of("Charlie", "Alpha", "Bravo")) {
      api().post("/api/v1/profiles", CSV.replace("HR file", name));
    }

    Reply second = api().get("/api/v1/profiles?page=1&size=2");
    Reply whole = api().get("/api/v1/profiles");

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.map())
        .containsEntry("page", 1)
        .containsEntry("size", 2)
        .containsEntry("total", 3);
    assertThat(second.items()).extracting(p -> p.get("name")).containsExactly("Charlie");
    assertThat(whole.map())
        .containsEntry("page", 0)
        .containsEntry("size", 50)
        .containsEntry("total", 3);
    assertThat(whole.items())
        .extracting(p -> p.get("name"))
        .containsExactly("Alpha", "Bravo", "Charlie");
  }

  @Test
  void anEmptyPageStillCarriesItsItems() {
    Reply empty = api().get("/api/v1/profiles");

    assertThat(empty.map()).containsEntry("items", List.of()).containsEntry("total", 0);
  }

  @Test
  void getsOneProfile() {
    String id = (String) api().post("/api/v1/profiles", CSV).map().get("id");

    Reply one = api().get("/api/v1/profiles/" + id);

    assertThat(one.status()).isEqualTo(200);
    assertThat(one.map()).containsEntry("id", id).containsEntry("name", "HR file");
  }

  @Test
  void anUnknownProfileIsNotFound() {
    UUID id = UUID.randomUUID();

    Map<String, Object> problem = assertProblem(api().get("/api/v1/profiles/" + id), 404);

    assertThat((String) problem.get("detail")).contains(id.toString());
    assertThat(problem).containsEntry("instance", "/api/v1/profiles/" + id);
  }

  @Test
  void aMalformedIdIsABadRequestNamingIt() {
    assertBadRequest(api().get("/api/v1/profiles/not-a-uuid"), "id");
  }

  @Test
  void replacesAProfile() {
    String id = (String) api().post("/api/v1/profiles", CSV).map().get("id");
    String changed =
        """
        {"name": "HR export", "type": "csv", "settings": {"folder": "/srv/hr"},
         "policy": {"enableUsersAfterImport": false}}""";

    Reply updated = api().put("/api/v1/profiles/" + id, changed);

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.map())
        .containsEntry("name", "HR export")
        .containsEntry("settings", Map.of("folder", "/srv/hr"));
    assertThat(updated.object("policy")).containsEntry("enableUsersAfterImport", false);
    assertThat(profiles.stored(UUID.fromString(id)).name()).isEqualTo("HR export");
  }

  @Test
  void replacingAnUnknownProfileIsNotFound() {
    assertProblem(api().put("/api/v1/profiles/" + UUID.randomUUID(), CSV), 404);
  }

  @Test
  void deletesAProfile() {
    String id = (String) api().post("/api/v1/profiles", CSV).map().get("id");

    Reply deleted = api().delete("/api/v1/profiles/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertProblem(api().get("/api/v1/profiles/" + id), 404);
    assertProblem(api().delete("/api/v1/profiles/" + id), 404);
  }

  @Test
  void secretSettingsAreWriteOnly() {
    Reply created = api().post("/api/v1/profiles", LDAP);
    String id = (String) created.map().get("id");

    assertThat(created.object("settings"))
        .containsEntry("bindPassword", "***")
        .containsEntry("bindDn", "cn=roster");
    assertThat(created.body()).doesNotContain("s3cret");
    assertThat(api().get("/api/v1/profiles/" + id).body()).doesNotContain("s3cret").contains("***");
    assertThat(api().get("/api/v1/profiles").body()).doesNotContain("s3cret").contains("***");
  }

  @Test
  void aSecretSentBackRedactedOrLeftOutKeepsItsValue() {
    String id = (String) api().post("/api/v1/profiles", LDAP).map().get("id");
    UUID uuid = UUID.fromString(id);

    api().put("/api/v1/profiles/" + id, LDAP.replace("s3cret", "***"));
    Object afterRoundTrip = profiles.stored(uuid).settings().get("bindPassword");
    api().put("/api/v1/profiles/" + id, LDAP.replace(", \"bindPassword\": \"s3cret\"", ""));
    Object afterLeftOut = profiles.stored(uuid).settings().get("bindPassword");
    Reply changed = api().put("/api/v1/profiles/" + id, LDAP.replace("s3cret", "n3w"));

    assertThat(afterRoundTrip).isEqualTo("s3cret");
    assertThat(afterLeftOut).isEqualTo("s3cret");
    assertThat(profiles.stored(uuid).settings()).containsEntry("bindPassword", "n3w");
    assertThat(changed.object("settings")).containsEntry("bindPassword", "***");
  }

  @Test
  void anInvalidFilterIsABadRequestNamingThePolicyField() {
    String bad = CSV.replace("}}", "}, \"policy\": {\"excludeRules\": [\"(title=Intern\"]}}");

    String detail = assertBadRequest(api().post("/api/v1/profiles", bad), "policy.excludeRules");

    assertThat(detail).startsWith("'policy.excludeRules'").contains("invalid LDAP filter");
    assertThat(profiles.list()).isEmpty();
  }

  @Test
  void anInvalidThresholdIsABadRequestNamingTheField() {
    String bad = CSV.replace("}}", "}, \"policy\": {\"threshold\": {\"percent\": 150}}}");

    String detail =
        assertBadRequest(api().post("/api/v1/profiles", bad), "policy.threshold.percent");

    assertThat(detail).contains("between 0 and 100");
  }

  @Test
  void aMissingNameIsABadRequestNamingIt() {
    assertBadRequest(api().post("/api/v1/profiles", CSV.replace("HR file", " ")), "name");
    assertBadRequest(api().post("/api/v1/profiles", "{\"type\": \"csv\"}"), "name");
  }

  @Test
  void anUnknownTypeOrAMissingSettingIsABadRequestNamingIt() {
    assertBadRequest(api().post("/api/v1/profiles", CSV.replace("\"csv\"", "\"ftp\"")), "type");
    assertBadRequest(
        api().post("/api/v1/profiles", CSV.replace("folder", "directory")), "settings.folder");
  }

  @Test
  void aTakenNameIsAConflict() {
    api().post("/api/v1/profiles", CSV);

    Map<String, Object> problem = assertProblem(api().post("/api/v1/profiles", CSV), 409);

    assertThat((String) problem.get("detail")).contains("HR file");
  }

  @Test
  void testsTheConnection() {
    String id = (String) api().post("/api/v1/profiles", CSV).map().get("id");

    Reply tested = api().post("/api/v1/profiles/" + id + "/test", null);

    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.map())
        .containsEntry("ok", true)
        .containsEntry("message", "read one entry from /srv/drop")
        .containsEntry("millis", 7);
  }
}
