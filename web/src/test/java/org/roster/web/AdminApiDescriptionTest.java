package org.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI description the build writes lists the people and organisation endpoints. */
class AdminApiDescriptionTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> paths() throws IOException {
    try (InputStream in = AdminApiDescriptionTest.class.getResourceAsStream(
        "/META-INF/swagger/roster-admin-api-v1.yml")) {
      assertThat(in).as("the generated OpenAPI description").isNotNull();
      Map<String, Object> api = new Yaml().load(in);
      return (Map<String, Map<String, Object>>) api.get("paths");
    }
  }

  @Test
  void listsEveryPeopleAndOrganisationEndpoint() throws IOException {
    Map<String, Map<String, Object>> paths = paths();

    Map<String, String[]> expected = Map.ofEntries(
        Map.entry("/api/v1/roles", new String[] {"get", "post"}),
        Map.entry("/api/v1/roles/{id}", new String[] {"get", "put", "delete"}),
        Map.entry("/api/v1/roles/{id}/binding", new String[] {"put"}),
        Map.entry("/api/v1/groups", new String[] {"get"}),
        Map.entry("/api/v1/groups/{id}", new String[] {"get"}),
        Map.entry("/api/v1/users", new String[] {"get", "post"}),
        Map.entry("/api/v1/users/{id}/protected", new String[] {"put"}),
        Map.entry("/api/v1/users/{id}/password", new String[] {"put"}),
        Map.entry("/api/v1/users/{id}/activate", new String[] {"post"}),
        Map.entry("/api/v1/users/{id}/deactivate", new String[] {"post"}),
        Map.entry("/api/v1/users/{id}/link", new String[] {"post"}),
        Map.entry("/api/v1/exclusions", new String[] {"get", "post"}),
        Map.entry("/api/v1/exclusions/{objectType}/{objectId}", new String[] {"get", "delete"}),
        Map.entry("/api/v1/licences", new String[] {"get"}),
        Map.entry("/api/v1/licences/limit", new String[] {"put"}),
        Map.entry("/api/v1/licences/blocked", new String[] {"get"}),
        Map.entry("/api/v1/licences/release", new String[] {"post"}),
        Map.entry("/api/v1/profiles/{profileId}/imports", new String[] {"post"}));
    expected.forEach((path, methods) -> assertThat(paths.get(path)).as(path).isNotNull().containsKeys(methods));
  }
}
