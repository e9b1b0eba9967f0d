package org.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The published OpenAPI description lists every route of the API with its methods. */
@MicronautTest
class OpenApiTest {
  @Inject Router router;

  @Test
  @SuppressWarnings("unchecked")
  void everyApiRouteIsInTheOpenApiDescription() throws IOException {
    Map<String, Object> doc;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/roster-admin-api-v1.yml")) {
      assertThat(in).as("the generated OpenAPI description").isNotNull();
      doc = new Yaml().load(in);
    }
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    Set<String> described = new TreeSet<>();
    paths.forEach((path, ops) -> ops.keySet()
        .forEach(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + path)));
    Set<String> routes = router.uriRoutes()
        .filter(r -> !r.getHttpMethodName().equals("HEAD"))
        .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
        .filter(r -> r.contains(" /api/"))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(routes).contains("POST /api/v1/admins", "PUT /api/v1/admins/me/password",
        "POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}");
    assertThat(described).containsAll(routes);
    Map<String, Object> schemes =
        (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
    assertThat(schemes).containsKeys("basic", "bearer");
  }
}
